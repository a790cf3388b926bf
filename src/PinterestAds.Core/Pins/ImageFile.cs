using System;
using System.IO;
using System.Linq;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Uploads;

namespace PinterestAds.Core.Pins
{
    /// <summary>
    /// An image file sent inline (<c>image_base64</c>): its type told from its first bytes, not its
    /// name, since Pinterest takes only JPEG and PNG. The two signatures are the whole rule (JPEG
    /// starts FF D8 FF, PNG with its fixed 8-byte signature), so no sniffing package is worth a
    /// dependency here.
    /// </summary>
    internal sealed class ImageFile
    {
        /// <summary>Pinterest's creative specifications take images up to 20 MB; base64 makes that 27 MB of request.</summary>
        public const long MaxBytes = 20 * 1000 * 1000;

        private static readonly byte[] Jpeg = { 0xFF, 0xD8, 0xFF };
        private static readonly byte[] Png = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

        private ImageFile(string contentType, string data)
        {
            ContentType = contentType;
            Data = data;
        }

        /// <summary>image/jpeg or image/png.</summary>
        public string ContentType { get; }

        /// <summary>The bytes, base64.</summary>
        public string Data { get; }

        /// <param name="parameter">What named the file, for errors (-ImagePath, -Slide, …).</param>
        /// <param name="where">Where in that parameter, e.g. "slide 2: "; empty for the parameter itself.</param>
        public static ImageFile Read(string parameter, string where, string fullPath)
        {
            var file = UploadFile.Open(parameter, fullPath);
            if (file.Length > MaxBytes)
            {
                throw PinterestAdsException.InvalidArgument(parameter, $"{where}'{fullPath}' is {ByteSize.Format(file.Length)}; Pinterest takes images up to {ByteSize.Format(MaxBytes)}.", fullPath);
            }

            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(fullPath);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw PinterestAdsException.InvalidArgument(parameter, $"{where}'{fullPath}' cannot be read: {ex.Message}", fullPath);
            }

            string contentType = StartsWith(bytes, Jpeg) ? "image/jpeg" : StartsWith(bytes, Png) ? "image/png"
                : throw PinterestAdsException.InvalidArgument(parameter, $"{where}'{fullPath}' is not a JPEG or PNG image (its first bytes are {Head(bytes)}); Pinterest takes only those. Convert it, or give its address with an ImageUrl instead.", fullPath);
            return new ImageFile(contentType, Convert.ToBase64String(bytes));
        }

        private static bool StartsWith(byte[] bytes, byte[] signature) => bytes.Length >= signature.Length && signature.Select((b, i) => bytes[i] == b).All(same => same);

        private static string Head(byte[] bytes) => BitConverter.ToString(bytes, 0, Math.Min(8, bytes.Length)).Replace('-', ' ');
    }
}
