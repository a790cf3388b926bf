using System;
using System.Globalization;
using System.Text.Json;

namespace PinterestAds.Core.Json
{
    /// <summary>Tolerant readers for Pinterest JSON: absent and null read the same.</summary>
    public static class JsonElementExtensions
    {
        public static string? GetStringOrNull(this JsonElement json, string name)
        {
            if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty(name, out var value))
            {
                return null;
            }

            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => null,
            };
        }

        public static string GetStringOrEmpty(this JsonElement json, string name) => json.GetStringOrNull(name) ?? string.Empty;

        public static long? GetInt64OrNull(this JsonElement json, string name)
        {
            if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty(name, out var value))
            {
                return null;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number))
            {
                return number;
            }

            // Some Pinterest fields (cpa goal values) are digit strings.
            return value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long parsed) ? parsed : null;
        }

        public static bool? GetBooleanOrNull(this JsonElement json, string name) =>
            json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && (value.ValueKind == JsonValueKind.True || value.ValueKind == JsonValueKind.False)
                ? value.GetBoolean()
                : null;

        /// <summary>An ISO 8601 date-time (<c>created_at</c> of pins, boards); Pinterest leaves the zone out and means UTC.</summary>
        public static DateTime? GetUtcDateTimeOrNull(this JsonElement json, string name) =>
            DateTime.TryParse(json.GetStringOrNull(name), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) ? time : null;

        /// <summary>Ads entities send times as Unix seconds.</summary>
        public static DateTimeOffset? GetUnixTimeOrNull(this JsonElement json, string name) =>
            json.GetInt64OrNull(name) is long seconds ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;
    }
}
