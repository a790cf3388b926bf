using System;

namespace PinterestAds.Core.Ads
{
    /// <summary>What a user gave for an ad group; null means "not given" (see <see cref="CampaignInput"/>).</summary>
    public sealed class AdGroupInput
    {
        public string? CampaignId { get; set; }

        public string? Name { get; set; }

        public string? Status { get; set; }

        public string? BillableEvent { get; set; }

        public Amount? Budget { get; set; }

        public string? BudgetType { get; set; }

        public Amount? Bid { get; set; }

        public string? BidStrategy { get; set; }

        /// <summary>A hashtable (or JSON text) of targeting_spec keys, e.g. @{ LOCATION = 'US'; GENDER = 'female' }.</summary>
        public object? Targeting { get; set; }

        /// <summary>A hashtable (or JSON text) of optimization_goal_metadata.</summary>
        public object? OptimizationGoalMetadata { get; set; }

        public string? PlacementGroup { get; set; }

        public string? PacingDeliveryType { get; set; }

        public DateTime? StartTime { get; set; }

        public DateTime? EndTime { get; set; }

        public bool? AutoTargeting { get; set; }

        public int? LifetimeFrequencyCap { get; set; }

        public object? TrackingUrls { get; set; }
    }
}
