using System;

namespace PinterestAds.Core.Ads.Inputs
{
    /// <summary>A campaign's fields as plain values: for callers other than the cmdlets, and for the fields a command line gave.</summary>
    public sealed class CampaignInput : ICampaignFields
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

        public object? TrackingUrls { get; set; }

        public string? OrderLineId { get; set; }

        /// <summary>The fields <paramref name="given"/> names (by parameter name); the others null.</summary>

        public static CampaignInput CopyOf(ICampaignFields fields, Func<string, bool> given) => new CampaignInput
        {
            Name = given(nameof(Name)) ? fields.Name : null,
            ObjectiveType = given(nameof(ObjectiveType)) ? fields.ObjectiveType : null,
            Status = given(nameof(Status)) ? fields.Status : null,
            DailySpendCap = given(nameof(DailySpendCap)) ? fields.DailySpendCap : null,
            LifetimeSpendCap = given(nameof(LifetimeSpendCap)) ? fields.LifetimeSpendCap : null,
            DefaultAdGroupBudget = given(nameof(DefaultAdGroupBudget)) ? fields.DefaultAdGroupBudget : null,
            CampaignBudgetOptimization = given(nameof(CampaignBudgetOptimization)) ? fields.CampaignBudgetOptimization : null,
            FlexibleDailyBudgets = given(nameof(FlexibleDailyBudgets)) ? fields.FlexibleDailyBudgets : null,
            PerformancePlus = given(nameof(PerformancePlus)) ? fields.PerformancePlus : null,
            StartTime = given(nameof(StartTime)) ? fields.StartTime : null,
            EndTime = given(nameof(EndTime)) ? fields.EndTime : null,
            TrackingUrls = given(nameof(TrackingUrls)) ? fields.TrackingUrls : null,
            OrderLineId = given(nameof(OrderLineId)) ? fields.OrderLineId : null,
        };
    }
}
