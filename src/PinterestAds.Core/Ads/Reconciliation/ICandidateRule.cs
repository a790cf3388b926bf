using System.Text.Json;

namespace PinterestAds.Core.Ads.Reconciliation
{
    /// <summary>
    /// What a reconciliation needs to know about the entities one kind of create makes (campaigns,
    /// ad groups, ads, pins): what to call them, and whether a listed one is what a sent body would
    /// have made.
    /// </summary>
    internal interface ICandidateRule
    {
        /// <summary>For messages: "campaign", "ad group", "pin".</summary>
        string Noun { get; }

        bool Matches(JsonElement sent, JsonElement candidate);
    }
}
