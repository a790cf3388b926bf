using System.Security.Cryptography;
using System.Text;

namespace PinterestAds.Testing.OAuth
{
    /// <summary>
    /// Random opaque secrets with distinctive prefixes (<c>pina_</c> access, <c>pinr_</c> refresh,
    /// <c>pinc_</c> code) so tests can scan any output for leaked values.
    /// </summary>
    internal static class TokenGenerator
    {
        public const string AccessPrefix = "pina_";
        public const string RefreshPrefix = "pinr_";
        public const string CodePrefix = "pinc_";

        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

        public static string Access() => AccessPrefix + Random(40);

        public static string Refresh() => RefreshPrefix + Random(40);

        public static string Code() => CodePrefix + Random(32);

        private static string Random(int length)
        {
            var bytes = new byte[length];
            using (var rng = RandomNumberGenerator.Create())
            {
                rng.GetBytes(bytes);
            }

            var text = new StringBuilder(length);
            foreach (byte b in bytes)
            {
                text.Append(Alphabet[b & 63]);
            }

            return text.ToString();
        }
    }
}
