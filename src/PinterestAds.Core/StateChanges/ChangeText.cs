using System.Collections.Generic;
using PinterestAds.Core.Ads;

namespace PinterestAds.Core.StateChanges
{
    /// <summary>How a change is told in one sentence, for alerts and logs.</summary>
    internal static class ChangeText
    {
        /// <summary>"Campaign 'Spring sale' (626736533506)".</summary>
        public static string Subject(AdsKind kind, string id, string? name)
        {
            string noun = kind switch
            {
                AdsKind.Campaign => "Campaign",
                AdsKind.AdGroup => "Ad group",
                _ => "Ad",
            };
            return string.IsNullOrEmpty(name) ? $"{noun} {id}" : $"{noun} '{name}' ({id})";
        }

        public static string Reasons(IReadOnlyList<string> reasons) => reasons.Count == 0 ? "no reason given" : string.Join(", ", reasons);
    }
}
