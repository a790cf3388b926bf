using System.Security.Cryptography;
using System.Text;

namespace PinterestAds.Core.Coordination
{
    /// <summary>SHA-256 digests and lowercase hex, as key names, file names and fingerprints spell them.</summary>
    internal static class Hashing
    {
        private const string Digits = "0123456789abcdef";

        /// <summary>SHA-256 of the UTF-8 bytes of <paramref name="text"/>, as 64 lowercase hex digits.</summary>
        public static string Sha256Hex(string text)
        {
            using var sha = SHA256.Create();
            return Hex(sha.ComputeHash(Encoding.UTF8.GetBytes(text)));
        }

        /// <summary>Lowercase hex of <paramref name="bytes"/>, two digits a byte.</summary>
        public static string Hex(byte[] bytes)
        {
            var chars = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = Digits[bytes[i] >> 4];
                chars[(2 * i) + 1] = Digits[bytes[i] & 0xF];
            }

            return new string(chars);
        }
    }
}
