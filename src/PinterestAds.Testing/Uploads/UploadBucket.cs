using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PinterestAds.Testing.Uploads
{
    /// <summary>
    /// The fake S3 bucket behind <c>upload_url</c>: issues POST policies (the upload_parameters of
    /// <c>POST /v5/media</c>) signed with a per-server secret, and remembers them by key so the
    /// upload endpoint can check what a client sends. Also holds the "drop the connection after N
    /// file bytes" fault, which the request-level fault injector cannot express.
    /// </summary>
    internal sealed class UploadBucket
    {
        public const string BucketName = "pinterest-media-upload";
        public const string ContentTypeField = "multipart/form-data";

        /// <summary>The fields an S3 POST policy upload must carry, in the order S3 reports them missing.</summary>
        public static readonly string[] RequiredFields = { "key", "policy", "x-amz-algorithm", "x-amz-credential", "x-amz-date", "x-amz-signature", "x-amz-security-token" };

        private readonly object _sync = new object();
        private readonly Dictionary<string, UploadPolicy> _byKey = new Dictionary<string, UploadPolicy>(StringComparer.Ordinal);
        private readonly Queue<long> _drops = new Queue<long>();
        private readonly S3Signer _signer = new S3Signer();
        private TimeSpan _lifetime = TimeSpan.FromHours(1);

        /// <summary>How long an issued policy accepts uploads (default 1 hour).</summary>
        public TimeSpan PolicyLifetime
        {
            get { lock (_sync) { return _lifetime; } }
            set
            {
                if (value <= TimeSpan.Zero)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), "The lifetime must be positive.");
                }

                lock (_sync)
                {
                    _lifetime = value;
                }
            }
        }

        public UploadPolicy Issue(string objectName, DateTimeOffset now, Action<ReceivedFile> onUploaded)
        {
            string key = "uploads/" + objectName;
            DateTimeOffset expires = now + PolicyLifetime;
            string date = now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            string credential = "ASIAFAKEPINTESTKEY00/" + now.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "/us-east-1/s3/aws4_request";
            string token = "FQoGZXIvYXdzEPinTest" + _signer.Sign(key).Substring(0, 24);
            string policyJson = "{\"expiration\":\"" + expires.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                + "\",\"conditions\":[{\"bucket\":\"" + BucketName + "\"},[\"eq\",\"$key\",\"" + key + "\"],{\"Content-Type\":\"" + ContentTypeField
                + "\"},{\"x-amz-algorithm\":\"AWS4-HMAC-SHA256\"},{\"x-amz-credential\":\"" + credential + "\"},{\"x-amz-date\":\"" + date
                + "\"},{\"x-amz-security-token\":\"" + token + "\"}]}";
            string policy = Convert.ToBase64String(Encoding.UTF8.GetBytes(policyJson));
            var fields = new List<KeyValuePair<string, string>>
            {
                Pair("x-amz-date", date),
                Pair("x-amz-signature", _signer.Sign(policy)),
                Pair("x-amz-security-token", token),
                Pair("x-amz-algorithm", "AWS4-HMAC-SHA256"),
                Pair("key", key),
                Pair("policy", policy),
                Pair("x-amz-credential", credential),
                Pair("Content-Type", ContentTypeField),
            };
            var issued = new UploadPolicy(key, fields, expires, onUploaded);
            lock (_sync)
            {
                _byKey[key] = issued;
            }

            return issued;
        }

        public UploadPolicy? Find(string key)
        {
            lock (_sync)
            {
                return _byKey.TryGetValue(key, out var policy) ? policy : null;
            }
        }

        /// <summary>True when <paramref name="signature"/> is this bucket's signature of <paramref name="policy"/>.</summary>
        public bool Verifies(string policy, string signature) => string.Equals(_signer.Sign(policy), signature, StringComparison.OrdinalIgnoreCase);

        /// <summary>The next <paramref name="times"/> uploads lose their connection once <paramref name="afterBytes"/> file bytes have arrived.</summary>
        public void DropUploads(long afterBytes, int times)
        {
            if (afterBytes < 0 || times < 1)
            {
                throw new ArgumentOutOfRangeException(afterBytes < 0 ? nameof(afterBytes) : nameof(times));
            }

            lock (_sync)
            {
                for (int i = 0; i < times; i++)
                {
                    _drops.Enqueue(afterBytes);
                }
            }
        }

        /// <summary>The byte count at which this upload is to be dropped, or null. Consumes one pending drop.</summary>
        public long? TakeDrop()
        {
            lock (_sync)
            {
                return _drops.Count > 0 ? _drops.Dequeue() : (long?)null;
            }
        }

        private static KeyValuePair<string, string> Pair(string name, string value) => new KeyValuePair<string, string>(name, value);
    }
}
