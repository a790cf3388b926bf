using System;
using System.Collections.Generic;
using System.Text.Json;

namespace PinterestAds.Core.Ads.Reconciliation
{
    /// <summary>
    /// Decides whether an entity Pinterest lists is the one a create item would have made: the
    /// identity fields must be echoed exactly, and no other scalar field the item sent may differ.
    /// </summary>
    internal static class BodyMatcher
    {
        public static bool Matches(JsonElement sent, JsonElement candidate, IReadOnlyList<string> identityFields)
        {
            foreach (string field in identityFields)
            {
                if (sent.TryGetProperty(field, out var value) && !(candidate.TryGetProperty(field, out var echoed) && SameScalar(field, value, echoed)))
                {
                    return false;
                }
            }

            foreach (var property in sent.EnumerateObject())
            {
                bool comparable = property.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;
                if (comparable && candidate.TryGetProperty(property.Name, out var echoed) && echoed.ValueKind != JsonValueKind.Null
                    && !SameScalar(property.Name, property.Value, echoed))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool SameScalar(string field, JsonElement a, JsonElement b)
        {
            if (a.ValueKind == JsonValueKind.Number && b.ValueKind == JsonValueKind.Number)
            {
                return a.GetDecimal() == b.GetDecimal();
            }

            if (a.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                return a.ValueKind == b.ValueKind;
            }

            if (a.ValueKind != JsonValueKind.String || b.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            string left = a.GetString() ?? string.Empty;
            string right = b.GetString() ?? string.Empty;

            // Parent ids may come back with Pinterest's prefixes (C123 for campaign_id, AG123 for ad_group_id).
            return field.EndsWith("_id", StringComparison.Ordinal)
                ? string.Equals(left.TrimStart('C', 'A', 'G'), right.TrimStart('C', 'A', 'G'), StringComparison.Ordinal)
                : string.Equals(left, right, StringComparison.Ordinal);
        }
    }
}
