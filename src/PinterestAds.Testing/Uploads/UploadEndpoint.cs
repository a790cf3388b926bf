using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using PinterestAds.Testing.Http;
using PinterestAds.Testing.Routing;

namespace PinterestAds.Testing.Uploads
{
    /// <summary>
    /// <c>POST /media-upload/</c>: the S3 POST-object endpoint that <c>upload_url</c> names. Like S3
    /// it refuses Pinterest's bearer token, reads the policy fields that precede the <c>file</c> part
    /// (fields after it are ignored, so a file sent first fails for a "missing" key), checks them
    /// against the issued policy, and answers 204. The file is streamed and only counted; its first
    /// bytes are kept so the media processor can tell a video from anything else.
    /// </summary>
    internal sealed class UploadEndpoint : IEndpointModule
    {
        public const string PathPrefix = "/media-upload/";
        public const int HeadBytes = 512;

        private const int BufferSize = 64 * 1024;
        private const int MaxFieldBytes = 64 * 1024;

        private readonly UploadBucket _bucket;
        private readonly Func<DateTimeOffset> _now;

        public UploadEndpoint(UploadBucket bucket, Func<DateTimeOffset> now)
        {
            _bucket = bucket;
            _now = now;
        }

        public void Map(Router router) => router.MapStreaming("POST", PathPrefix, RouteSecurity.Anonymous, UploadAsync);

        private async Task<HttpResponseData?> UploadAsync(RequestContext context)
        {
            var seen = new UploadObservation(context.Request.GetHeader("Authorization") != null);
            string requestId = S3Signer.RandomHex(8).ToUpperInvariant();
            S3Error? error;
            try
            {
                error = await ReceiveAsync(context.Request, seen).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException || ex is HttpWireException)
            {
                // The client went away (or sent broken chunk framing) mid-body: nothing to answer.
                context.Upload = seen.ToRecord(completed: false, null);
                return null;
            }

            if (seen.Dropped)
            {
                context.Upload = seen.ToRecord(completed: false, null);
                return null;
            }

            context.Upload = seen.ToRecord(completed: context.Request.BodyStream?.IsComplete ?? true, error?.Code);
            if (error != null)
            {
                return error.ToResponse(requestId);
            }

            return new HttpResponseData(204, null, null, new[]
            {
                new KeyValuePair<string, string>("ETag", "\"" + seen.FileBytes.ToString("x", CultureInfo.InvariantCulture) + requestId.Substring(0, 8) + "\""),
                new KeyValuePair<string, string>("Location", "https://" + UploadBucket.BucketName + ".s3.amazonaws.com/" + seen.Value("key")),
                new KeyValuePair<string, string>("x-amz-request-id", requestId),
            });
        }

        /// <summary>Reads the whole form (so the client always hears the answer) and returns the S3 error, or null when accepted.</summary>
        private async Task<S3Error?> ReceiveAsync(HttpRequestData request, UploadObservation seen)
        {
            if (seen.HadAuthorization)
            {
                return S3Error.UnsupportedAuthorization();
            }

            if (request.BodyStream == null
                || !MediaTypeHeaderValue.TryParse(request.GetHeader("Content-Type"), out MediaTypeHeaderValue? type)
                || !string.Equals(type.MediaType.Value, "multipart/form-data", StringComparison.OrdinalIgnoreCase)
                || HeaderUtilities.RemoveQuotes(type.Boundary).Length == 0)
            {
                return S3Error.NotMultipart();
            }

            var reader = new MultipartReader(HeaderUtilities.RemoveQuotes(type.Boundary).Value!, request.BodyStream, BufferSize) { BodyLengthLimit = null };
            try
            {
                MultipartSection? section;
                while ((section = await reader.ReadNextSectionAsync().ConfigureAwait(false)) != null)
                {
                    if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out ContentDispositionHeaderValue? disposition))
                    {
                        return S3Error.Malformed();
                    }

                    string name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                    seen.FieldNames.Add(name);
                    if (name == "file")
                    {
                        seen.FileName = HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                        seen.FileContentType = section.ContentType;
                        await CountFileAsync(section.Body, seen).ConfigureAwait(false);
                        if (seen.Dropped)
                        {
                            return null;
                        }
                    }
                    else if (seen.FileCount == 0)
                    {
                        seen.Fields[name] = await ReadFieldAsync(section.Body).ConfigureAwait(false);
                    }
                    else
                    {
                        // S3 ignores fields after the file; read past them.
                        await section.Body.CopyToAsync(Stream.Null).ConfigureAwait(false);
                    }
                }
            }
            catch (InvalidDataException)
            {
                return S3Error.Malformed();
            }

            return seen.FileCount == 1 ? Check(seen) : S3Error.FileCount();
        }

        private S3Error? Check(UploadObservation seen)
        {
            foreach (string field in UploadBucket.RequiredFields)
            {
                if (seen.Value(field) == null)
                {
                    return S3Error.MissingField(field);
                }
            }

            if (!_bucket.Verifies(seen.Value("policy")!, seen.Value("x-amz-signature")!))
            {
                return S3Error.SignatureMismatch();
            }

            UploadPolicy? policy = _bucket.Find(seen.Value("key")!);
            if (policy == null || policy.Field("policy") != seen.Value("policy"))
            {
                return S3Error.PolicyFailed("Policy Condition failed: [\"eq\", \"$key\", \"" + seen.Value("key") + "\"]");
            }

            foreach (var field in policy.Fields)
            {
                if (field.Key != "x-amz-signature" && seen.Value(field.Key) != field.Value)
                {
                    return S3Error.PolicyFailed("Policy Condition failed: [\"eq\", \"$" + field.Key + "\", \"" + field.Value + "\"]");
                }
            }

            if (_now() > policy.Expires)
            {
                return S3Error.PolicyFailed("Policy expired.");
            }

            policy.OnUploaded(new ReceivedFile(seen.FileBytes, seen.Head()));
            return null;
        }

        private static async Task<string> ReadFieldAsync(Stream body)
        {
            using (var value = new MemoryStream())
            {
                var buffer = new byte[4096];
                int read;
                while ((read = await body.ReadAsync(buffer, 0, buffer.Length).ConfigureAwait(false)) > 0)
                {
                    if (value.Length + read > MaxFieldBytes)
                    {
                        throw new InvalidDataException("Form field too large.");
                    }

                    value.Write(buffer, 0, read);
                }

                return Encoding.UTF8.GetString(value.ToArray());
            }
        }

        /// <summary>Counts the file part through one reused buffer, keeping only its first bytes.</summary>
        private async Task CountFileAsync(Stream body, UploadObservation seen)
        {
            seen.FileCount++;
            long? dropAfter = _bucket.TakeDrop();
            var buffer = new byte[BufferSize];
            int read;
            while ((read = await body.ReadAsync(buffer, 0, buffer.Length).ConfigureAwait(false)) > 0)
            {
                seen.Observe(buffer, read);
                if (dropAfter.HasValue && seen.FileBytes >= dropAfter.Value)
                {
                    seen.Dropped = true;
                    return;
                }
            }
        }

        /// <summary>Mutable notes taken while one upload streams past.</summary>
        private sealed class UploadObservation
        {
            private readonly byte[] _head = new byte[HeadBytes];
            private int _headLength;

            public UploadObservation(bool hadAuthorization)
            {
                HadAuthorization = hadAuthorization;
            }

            public bool HadAuthorization { get; }

            public List<string> FieldNames { get; } = new List<string>();

            /// <summary>Values of the fields that arrived before the file.</summary>
            public Dictionary<string, string> Fields { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

            public string? FileName { get; set; }

            public string? FileContentType { get; set; }

            public int FileCount { get; set; }

            public long FileBytes { get; private set; }

            public bool Dropped { get; set; }

            public string? Value(string field) => Fields.TryGetValue(field, out string? value) ? value : null;

            public void Observe(byte[] buffer, int count)
            {
                int keep = Math.Min(count, HeadBytes - _headLength);
                if (keep > 0)
                {
                    Buffer.BlockCopy(buffer, 0, _head, _headLength, keep);
                    _headLength += keep;
                }

                FileBytes += count;
            }

            public byte[] Head()
            {
                var head = new byte[_headLength];
                Buffer.BlockCopy(_head, 0, head, 0, _headLength);
                return head;
            }

            public UploadRecord ToRecord(bool completed, string? errorCode)
            {
                string hex = BitConverter.ToString(_head, 0, Math.Min(16, _headLength)).Replace("-", string.Empty);
                return new UploadRecord(FieldNames.ToArray(), Value("key"), FileName, FileContentType, FileBytes, hex, completed && !Dropped, HadAuthorization, errorCode);
            }
        }
    }
}
