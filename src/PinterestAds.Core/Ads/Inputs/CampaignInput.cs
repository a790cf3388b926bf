using System;

namespace PinterestAds.Core.Ads.Inputs
{
    /// <summary>A campaign's fields as plain values: for callers other than the cmdlets, and for a copy of what a command line gave.</summary>
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

        public static CampaignInput CopyOf(ICampaignFields fields) => new CampaignInput
        {
            Name = fields.Name,
            ObjectiveType = fields.ObjectiveType,
            Status = fields.Status,
            DailySpendCap = fields.DailySpendCap,
            LifetimeSpendCap = fields.LifetimeSpendCap,
            DefaultAdGroupBudget = fields.DefaultAdGroupBudget,
            CampaignBudgetOptimization = fields.CampaignBudgetOptimization,
            FlexibleDailyBudgets = fields.FlexibleDailyBudgets,
            PerformancePlus = fields.PerformancePlus,
            StartTime = fields.StartTime,
            EndTime = fields.EndTime,
            TrackingUrls = fields.TrackingUrls,
            OrderLineId = fields.OrderLineId,
        };
    }
}
