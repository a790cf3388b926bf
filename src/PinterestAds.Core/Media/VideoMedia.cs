using System.Text.Json;
using PinterestAds.Core.Json;
using PinterestAds.Core.Uploads;

namespace PinterestAds.Core.Media
{
    /// <summary>
    /// A video registered with Pinterest (spec <c>MediaUploadDetails</c>), and, for one this
    /// session sent, the file it came from.
    /// </summary>
    public sealed class VideoMedia
    {
        public string MediaId { get; set; } = string.Empty;

        /// <summary>video (the only media type Pinterest registers).</summary>
        public string? MediaType { get; set; }

        /// <summary>registered, processing, succeeded or failed.</summary>
        public string? Status { get; set; }

        /// <summary>The file that was uploaded; null for media read back with Get-PinMedia.</summary>
        public string? Path { get; set; }

        /// <summary>Bytes of the uploaded file; null for media read back.</summary>
        public long? Length { get; set; }

        /// <summary>The length for people, e.g. "4.1 MB" (the table view's Size).</summary>
        public string? Size => Length is long length ? ByteSize.Format(length) : null;

        public static VideoMedia FromJson(JsonElement json, UploadFile? file = null) => new VideoMedia
        {
            MediaId = json.GetStringOrEmpty("media_id"),
            MediaType = json.GetStringOrNull("media_type"),
            Status = json.GetStringOrNull("status"),
            Path = file?.FullPath,
            Length = file?.Length,
        };

        public override string ToString() => $"{MediaId} ({Status})";
    }

    /// <summary>The spec's MediaUploadStatus values.</summary>
    public static class MediaStatus
    {
        public const string Registered = "registered";
        public const string Processing = "processing";
        public const string Succeeded = "succeeded";
        public const string Failed = "failed";
    }
}
