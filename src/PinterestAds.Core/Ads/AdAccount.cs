using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using PinterestAds.Core.Json;

namespace PinterestAds.Core.Ads
{
    /// <summary>An ad account as Pinterest describes it (spec schema <c>AdAccount</c>).</summary>
    public sealed class AdAccount
    {
        public string Id { get; set; } = string.Empty;

        public string? Name { get; set; }

        /// <summary>ISO 4217 code of the account's currency; every amount of the account is in it.</summary>
        public string? Currency { get; set; }

        public string? Country { get; set; }

        /// <summary>The owner's user name.</summary>
        public string? Owner { get; set; }

        public string? OwnerId { get; set; }

        public IReadOnlyList<string> Permissions { get; set; } = Array.Empty<string>();

        public DateTimeOffset? CreatedTime { get; set; }

        public DateTimeOffset? UpdatedTime { get; set; }

        public static AdAccount FromJson(JsonElement json) => new AdAccount
        {
            Id = json.GetStringOrEmpty("id"),
            Name = json.GetStringOrNull("name"),
            Currency = json.GetStringOrNull("currency"),
            Country = json.GetStringOrNull("country"),
            Owner = json.TryGetProperty("owner", out var owner) ? owner.GetStringOrNull("username") : null,
            OwnerId = json.TryGetProperty("owner", out var ownerForId) ? ownerForId.GetStringOrNull("id") : null,
            Permissions = json.TryGetProperty("permissions", out var permissions) && permissions.ValueKind == JsonValueKind.Array
                ? permissions.EnumerateArray().Select(p => p.GetString() ?? string.Empty).ToArray()
                : Array.Empty<string>(),
            CreatedTime = json.GetUnixTimeOrNull("created_time"),
            UpdatedTime = json.GetUnixTimeOrNull("updated_time"),
        };

        public override string ToString() => $"{Name} ({Id})";
    }
}
