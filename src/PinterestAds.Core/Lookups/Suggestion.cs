using System;

namespace PinterestAds.Core.Lookups
{
    /// <summary>One value a parameter may take, with what a person recognises it by (a name, a title).</summary>
    public sealed class Suggestion
    {
        public Suggestion(string value, string? description)
        {
            Value = value;
            Description = string.IsNullOrWhiteSpace(description) ? null : description;
        }

        /// <summary>What is completed: an id, or a name.</summary>
        public string Value { get; }

        /// <summary>The name or title behind an id; null when there is none.</summary>
        public string? Description { get; }

        /// <summary>
        /// Whether what was typed so far leads here: the start of the value, or any part of its
        /// description, so <c>-CampaignId spring</c> finds the campaign called "Spring sale".
        /// </summary>
        public bool Matches(string typed) =>
            typed.Length == 0
            || Value.StartsWith(typed, StringComparison.OrdinalIgnoreCase)
            || (Description != null && Description.IndexOf(typed, StringComparison.OrdinalIgnoreCase) >= 0);
    }
}
