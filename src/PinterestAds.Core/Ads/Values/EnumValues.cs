using System;
using System.Collections.Generic;
using System.Linq;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Ads.Values
{
    /// <summary>Checks a value against one of the spec's enumerations and returns the spelling Pinterest expects.</summary>
    public static class EnumValues
    {
        /// <summary>
        /// Matches case-, space- and hyphen-insensitively ("web conversion" → WEB_CONVERSION). An
        /// unknown value is an error naming <paramref name="parameter"/>, the nearest values and all values.
        /// </summary>
        public static string Require(string parameter, string value, IReadOnlyList<string> allowed)
        {
            if (TryMatch(value, allowed) is string match)
            {
                return match;
            }

            throw PinterestAdsException.InvalidArgument(parameter, Unknown(value, allowed), value);
        }

        public static string[] RequireAll(string parameter, IEnumerable<string> values, IReadOnlyList<string> allowed) =>
            values.Select(v => Require(parameter, v, allowed)).Distinct(StringComparer.Ordinal).ToArray();

        /// <summary>The canonical spelling of <paramref name="value"/>, or null.</summary>
        public static string? TryMatch(string? value, IReadOnlyList<string> allowed)
        {
            if (value is null)
            {
                return null;
            }

            string canonical = Similarity.Canonical(value);
            return allowed.FirstOrDefault(a => string.Equals(a, value.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? allowed.FirstOrDefault(a => string.Equals(Similarity.Canonical(a), canonical, StringComparison.Ordinal));
        }

        /// <summary>"'X' is not a valid value. Did you mean A or B? Valid values: …".</summary>
        public static string Unknown(string value, IReadOnlyList<string> allowed, string what = "a valid value")
        {
            var nearest = Similarity.Nearest(value, allowed);
            string hint = nearest.Count == 0 ? string.Empty : $" Did you mean {string.Join(" or ", nearest)}?";
            return $"'{value}' is not {what}.{hint} Valid values: {string.Join(", ", allowed)}.";
        }
    }
}
