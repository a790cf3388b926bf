using System;
using System.Text.Json;
using PinterestAds.Core.Json;

namespace PinterestAds.Core.Pins
{
    /// <summary>
    /// A pin as a creative for ads (spec <c>Pin</c>). Its PinId and AdAccountId bind to New-PinAd by
    /// property name, and so does CreativeType (REGULAR, VIDEO, CAROUSEL…), the creative type an ad of it has.
    /// </summary>
    public sealed class Creative
    {
        public string PinId { get; set; } = string.Empty;

        public string? BoardId { get; set; }

        /// <summary>The ad account the pin was made or read through (Business Access); null when none was given.</summary>
        public string? AdAccountId { get; set; }

        /// <summary>What was asked for (Image, Video, Carousel, IdeaPin); for a pin read back, what its creative type shows.</summary>
        public string? Type { get; set; }

        /// <summary>The v5 media source sent (image_url, image_base64, video_id, multiple_image_urls, multiple_image_base64); null for a pin read back.</summary>
        public string? PinShape { get; set; }

        public string? Title { get; set; }

        public string? Description { get; set; }

        public string? Link { get; set; }

        public string? AltText { get; set; }

        /// <summary>Pinterest's creative type of the pin: REGULAR, VIDEO, CAROUSEL, IDEA, …</summary>
        public string? CreativeType { get; set; }

        /// <summary>image, video or multiple_images.</summary>
        public string? MediaType { get; set; }

        /// <summary>UTC.</summary>
        public DateTime? CreatedAt { get; set; }

        public static Creative FromJson(JsonElement json, string? adAccountId, string? type = null, string? pinShape = null)
        {
            string? creativeType = json.GetStringOrNull("creative_type");
            return new Creative
            {
                PinId = json.GetStringOrEmpty("id"),
                BoardId = json.GetStringOrNull("board_id"),
                AdAccountId = adAccountId,
                Type = type ?? TypeOf(creativeType),
                PinShape = pinShape,
                Title = json.GetStringOrNull("title"),
                Description = json.GetStringOrNull("description"),
                Link = json.GetStringOrNull("link"),
                AltText = json.GetStringOrNull("alt_text"),
                CreativeType = creativeType,
                MediaType = json.TryGetProperty("media", out var media) ? media.GetStringOrNull("media_type") : null,
                CreatedAt = json.GetUtcDateTimeOrNull("created_at"),
            };
        }

        public override string ToString() => $"{Title} ({PinId})";

        private static string? TypeOf(string? creativeType) => creativeType switch
        {
            "REGULAR" => nameof(PinType.Image),
            "VIDEO" => nameof(PinType.Video),
            "CAROUSEL" => nameof(PinType.Carousel),
            "IDEA" => nameof(PinType.IdeaPin),
            _ => creativeType,
        };
    }
}
