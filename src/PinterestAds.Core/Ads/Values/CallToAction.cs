using System;
using System.Collections.Generic;
using System.Linq;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Ads.Values
{
    /// <summary>
    /// Maps call-to-action text ("Shop now", "shop_now", "ShopNow") onto Pinterest's
    /// <c>customizable_cta_type</c> (SHOP_NOW). Text that maps to no value is an error listing the
    /// nearest values: there is, for instance, no INSTALL_NOW.
    /// </summary>
    public static class CallToAction
    {
        public static IReadOnlyList<string> Values => SpecValues.CallToActionTypes;

        /// <summary>Button text as people write it: SHOP_NOW → "Shop now".</summary>
        public static string DisplayText(string value)
        {
            string words = value.Replace('_', ' ').ToLowerInvariant();
            return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words.Substring(1);
        }

        public static string Map(string parameter, string text)
        {
            if (EnumValues.TryMatch(text, Values) is string match)
            {
                return match;
            }

            // Words run together ("shopnow", "SHOPNOW") still name one value unambiguously.
            string squashed = Similarity.Canonical(text).Replace("_", string.Empty);
            var joined = Values.Where(v => string.Equals(v.Replace("_", string.Empty), squashed, StringComparison.Ordinal)).ToArray();
            if (joined.Length == 1)
            {
                return joined[0];
            }

            string canonical = Similarity.Canonical(text);
            var nearest = Similarity.Nearest(text, Values, 4);
            string hint = nearest.Count == 0
                ? string.Empty
                : " Nearest: " + string.Join(", ", nearest.Select(n => $"'{DisplayText(n)}' ({n})")) + ".";
            throw PinterestAdsException.InvalidArgument(
                parameter,
                $"'{text}' maps to no Pinterest call to action (customizable_cta_type has no {canonical}).{hint} Valid values: {string.Join(", ", Values)}.",
                text);
        }
    }
}
