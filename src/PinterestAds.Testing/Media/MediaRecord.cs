using System;
using System.Text.Json.Nodes;

namespace PinterestAds.Testing.Media
{
    /// <summary>
    /// One registered video (spec <c>Media</c>). Mutable only under <see cref="MediaStore"/>'s lock:
    /// <c>registered</c> until its bytes arrive, then <c>processing</c> until enough polls or time
    /// have passed, then the outcome decided when the bytes arrived (<c>succeeded</c> or <c>failed</c>).
    /// </summary>
    internal sealed class MediaRecord
    {
        public MediaRecord(long id, DateTimeOffset createdAt)
        {
            NumericId = id;
            Id = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            CreatedAt = createdAt;
        }

        public long NumericId { get; }

        public string Id { get; }

        public DateTimeOffset CreatedAt { get; }

        public string Status { get; set; } = MediaStatus.Registered;

        /// <summary>What processing will end in once it is done (set when the bytes arrive).</summary>
        public string Outcome { get; set; } = MediaStatus.Succeeded;

        public DateTimeOffset? UploadedAt { get; set; }

        public long UploadedBytes { get; set; }

        /// <summary>mp4, mov, webm, ... or null when the upload was not a video.</summary>
        public string? DetectedFormat { get; set; }

        /// <summary>GET /media/{id} answers that said "processing" since the upload.</summary>
        public int ProcessingPolls { get; set; }

        public JsonObject ToJson() => new JsonObject
        {
            ["media_id"] = Id,
            ["media_type"] = MediaStatus.VideoType,
            ["status"] = Status,
        };
    }

    /// <summary>The spec's MediaUploadStatus values and media type.</summary>
    internal static class MediaStatus
    {
        public const string VideoType = "video";
        public const string Registered = "registered";
        public const string Processing = "processing";
        public const string Succeeded = "succeeded";
        public const string Failed = "failed";

        public static readonly string[] All = { Registered, Processing, Succeeded, Failed };
    }
}
