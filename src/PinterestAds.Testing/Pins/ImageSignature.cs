using System;

namespace PinterestAds.Testing.Pins
{
    /// <summary>Checks that base64 image data really is the JPEG or PNG its content_type claims, as Pinterest's image processing would.</summary>
    internal static class ImageSignature
    {
        private static readonly byte[] Jpeg = { 0xFF, 0xD8, 0xFF };
        private static readonly byte[] Png = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

        /// <summary>Null when <paramref name="data"/> decodes to an image of <paramref name="contentType"/>; otherwise why not.</summary>
        public static string? Problem(string contentType, string data)
        {
            byte[] bytes;
            try
            {
                bytes = Convert.FromBase64String(data);
            }
            catch (FormatException)
            {
                return "the data is not valid base64";
            }

            byte[] expected = contentType == "image/png" ? Png : Jpeg;
            if (bytes.Length < expected.Length + 8)
            {
                return "the data is too short to be an image";
            }

            for (int i = 0; i < expected.Length; i++)
            {
                if (bytes[i] != expected[i])
                {
                    return "the data is not a " + (contentType == "image/png" ? "PNG" : "JPEG") + " image";
                }
            }

            return null;
        }
    }
}
