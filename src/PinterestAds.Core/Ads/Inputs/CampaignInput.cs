using System;

namespace PinterestAds.Core.Ads
{
    /// <summary>
    /// What a user gave for a campaign. Null means "not given": a create uses Pinterest's default and
    /// an update leaves the field alone, so an update sends only the fields that were given.
    /// </summary>
    public sealed class CampaignInput
    {
        public string? Name { get; set; }

        public string? ObjectiveType { get; set; }

        public string? Status { get; set; }

        public Amount? DailySpendCap { get; set; }

        public Amount? LifetimeSpendCap { get; set; }

        public Amount? DefaultAdGroupBudget { get; set; }

        public bool? CampaignBudgetOptimization { get; set; }

        public bool? FlexibleDailyBudgets { get; set; }

        public bool? PerformancePlus { get; set; }

        public DateTime? StartTime { get; set; }

        public DateTime? EndTime { get; set; }

        /// <summary>A hashtable (or JSON text) of tracking_urls: impression, click, engagement, buyable_button, audience_verification.</summary>
        public object? TrackingUrls { get; set; }

        public string? OrderLineId { get; set; }
    }
}
