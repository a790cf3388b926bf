using System;

namespace PinterestAds.Core.Ads.Inputs
{
    /// <summary>An ad group's fields as plain values: for callers other than the cmdlets, and for only the fields a command line gave (see CopyOf).</summary>
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

        /// <summary>The fields <paramref name="given"/> names (by parameter name); the others null.</summary>

        public static AdGroupInput CopyOf(IAdGroupFields fields, Func<string, bool> given) => new AdGroupInput
        {
            Name = given(nameof(Name)) ? fields.Name : null,
            Status = given(nameof(Status)) ? fields.Status : null,
            BillableEvent = given(nameof(BillableEvent)) ? fields.BillableEvent : null,
            Budget = given(nameof(Budget)) ? fields.Budget : null,
            BudgetType = given(nameof(BudgetType)) ? fields.BudgetType : null,
            Bid = given(nameof(Bid)) ? fields.Bid : null,
            BidStrategy = given(nameof(BidStrategy)) ? fields.BidStrategy : null,
            Targeting = given(nameof(Targeting)) ? fields.Targeting : null,
            OptimizationGoalMetadata = given(nameof(OptimizationGoalMetadata)) ? fields.OptimizationGoalMetadata : null,
            PlacementGroup = given(nameof(PlacementGroup)) ? fields.PlacementGroup : null,
            PacingDeliveryType = given(nameof(PacingDeliveryType)) ? fields.PacingDeliveryType : null,
            StartTime = given(nameof(StartTime)) ? fields.StartTime : null,
            EndTime = given(nameof(EndTime)) ? fields.EndTime : null,
            AutoTargeting = given(nameof(AutoTargeting)) ? fields.AutoTargeting : null,
            LifetimeFrequencyCap = given(nameof(LifetimeFrequencyCap)) ? fields.LifetimeFrequencyCap : null,
            TrackingUrls = given(nameof(TrackingUrls)) ? fields.TrackingUrls : null,
        };
    }
}
