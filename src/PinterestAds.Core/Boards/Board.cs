using System;
using System.Text.Json;
using PinterestAds.Core.Json;

namespace PinterestAds.Core.Boards
{
    /// <summary>A board (spec <c>Board</c>): where pins live; an ad-only board holds pins made only to be promoted.</summary>
    public sealed class Board
    {
        public string BoardId { get; set; } = string.Empty;

        public string? Name { get; set; }

        public string? Description { get; set; }

        /// <summary>PUBLIC, PROTECTED or SECRET.</summary>
        public string? Privacy { get; set; }

        /// <summary>An "Ad-only Pins" board: its pins show only as ads.</summary>
        public bool IsAdsOnly { get; set; }

        public long? PinCount { get; set; }

        /// <summary>The owner's user name.</summary>
        public string? Owner { get; set; }

        /// <summary>UTC.</summary>
        public DateTime? CreatedAt { get; set; }

        public static Board FromJson(JsonElement json) => new Board
        {
            BoardId = json.GetStringOrEmpty("id"),
            Name = json.GetStringOrNull("name"),
            Description = json.GetStringOrNull("description"),
            Privacy = json.GetStringOrNull("privacy"),
            IsAdsOnly = json.GetBooleanOrNull("is_ads_only") ?? false,
            PinCount = json.GetInt64OrNull("pin_count"),
            Owner = json.TryGetProperty("owner", out var owner) ? owner.GetStringOrNull("username") : null,
            CreatedAt = json.GetUtcDateTimeOrNull("created_at"),
        };

        public override string ToString() => $"{Name} ({BoardId})";
    }
}
