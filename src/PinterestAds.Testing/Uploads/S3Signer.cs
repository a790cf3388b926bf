using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PinterestAds.Testing.Uploads
{
    /// <summary>
    /// Signs what the fake's storage hands out (upload policies, pre-signed download URLs) with a
    /// per-server secret, and makes the random hex ids S3 uses, so forged or altered values are caught.
    /// </summary>
    internal sealed class S3Signer
    {
        private readonly byte[] _secret = RandomBytes(32);

        /// <summary>Lowercase hex of <paramref name="byteCount"/> random bytes.</summary>
        public static string RandomHex(int byteCount) => Hex(RandomBytes(byteCount));

        /// <summary>Lowercase hex HMAC-SHA256 of <paramref name="value"/>.</summary>
        public string Sign(string value)
        {
            using (var hmac = new HMACSHA256(_secret))
            {
                return Hex(hmac.ComputeHash(Encoding.UTF8.GetBytes(value)));
            }
        }

        private static byte[] RandomBytes(int count)
        {
            var bytes = new byte[count];
            using (var rng = RandomNumberGenerator.Create())
            {
                rng.GetBytes(bytes);
            }

            return bytes;
        }

        private static string Hex(byte[] bytes)
        {
            var text = new StringBuilder(bytes.Length * 2);
            foreach (byte b in bytes)
            {
                text.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }

            return text.ToString();
        }
    }
}
