using System;

namespace PinterestAds.Core.Ads.Inputs
{
    /// <summary>An ad group's fields as plain values: for callers other than the cmdlets, and for a copy of what a command line gave.</summary>
    public sealed class AdGroupInput : IAdGroupFields
    {
        public string? Name { get; set; }

        public string? Status { get; set; }

        public string? BillableEvent { get; set; }

        public Amount? Budget { get; set; }

        public string? BudgetType { get; set; }

        public Amount? Bid { get; set; }

        public string? BidStrategy { get; set; }

        public object? Targeting { get; set; }

        public object? OptimizationGoalMetadata { get; set; }

        public string? PlacementGroup { get; set; }

        public string? PacingDeliveryType { get; set; }

        public DateTime? StartTime { get; set; }

        public DateTime? EndTime { get; set; }

        public bool? AutoTargeting { get; set; }

        public int? LifetimeFrequencyCap { get; set; }

        public object? TrackingUrls { get; set; }

        public static AdGroupInput CopyOf(IAdGroupFields fields) => new AdGroupInput
        {
            Name = fields.Name,
            Status = fields.Status,
            BillableEvent = fields.BillableEvent,
            Budget = fields.Budget,
            BudgetType = fields.BudgetType,
            Bid = fields.Bid,
            BidStrategy = fields.BidStrategy,
            Targeting = fields.Targeting,
            OptimizationGoalMetadata = fields.OptimizationGoalMetadata,
            PlacementGroup = fields.PlacementGroup,
            PacingDeliveryType = fields.PacingDeliveryType,
            StartTime = fields.StartTime,
            EndTime = fields.EndTime,
            AutoTargeting = fields.AutoTargeting,
            LifetimeFrequencyCap = fields.LifetimeFrequencyCap,
            TrackingUrls = fields.TrackingUrls,
        };
    }
}
