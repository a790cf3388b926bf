using System;
using System.Text.Json;
using PinterestAds.Core.Json;

namespace PinterestAds.Core.Ads
{
    /// <summary>A campaign (spec CampaignResponse); amounts both in micros and in the account's currency.</summary>
    public sealed class Campaign : AdsEntity
    {
        public override AdsKind Kind => AdsKind.Campaign;

        public string? ObjectiveType { get; set; }

        public long? DailySpendCapMicros { get; set; }

        public decimal? DailySpendCap => Micros.ToAmount(DailySpendCapMicros);

        public long? LifetimeSpendCapMicros { get; set; }

        public decimal? LifetimeSpendCap => Micros.ToAmount(LifetimeSpendCapMicros);

        public long? DefaultAdGroupBudgetMicros { get; set; }

        public decimal? DefaultAdGroupBudget => Micros.ToAmount(DefaultAdGroupBudgetMicros);

        /// <summary>The spend cap as a table shows it: "25.50 USD daily" or "900.00 USD lifetime".</summary>
        public string? SpendCap => Describe(DailySpendCap, "daily") ?? Describe(LifetimeSpendCap, "lifetime");

        public bool? IsCampaignBudgetOptimization { get; set; }

        public bool? IsFlexibleDailyBudgets { get; set; }

        public bool? IsAutomatedCampaign { get; set; }

        public bool? IsPerformancePlus { get; set; }

        /// <summary>UTC.</summary>
        public DateTime? StartTime { get; set; }

        /// <summary>UTC.</summary>
        public DateTime? EndTime { get; set; }

        public string? OrderLineId { get; set; }

        public static Campaign FromJson(JsonElement json, string adAccountId, string? currency)
        {
            var campaign = new Campaign
            {
                ObjectiveType = json.GetStringOrNull("objective_type"),
                DailySpendCapMicros = json.GetInt64OrNull("daily_spend_cap"),
                LifetimeSpendCapMicros = json.GetInt64OrNull("lifetime_spend_cap"),
                DefaultAdGroupBudgetMicros = json.GetInt64OrNull("default_ad_group_budget_in_micro_currency"),
                IsCampaignBudgetOptimization = json.GetBooleanOrNull("is_campaign_budget_optimization"),
                IsFlexibleDailyBudgets = json.GetBooleanOrNull("is_flexible_daily_budgets"),
                IsAutomatedCampaign = json.GetBooleanOrNull("is_automated_campaign"),
                IsPerformancePlus = json.GetBooleanOrNull("is_performance_plus"),
                StartTime = UnixTime.ToDateTime(json.GetInt64OrNull("start_time")),
                EndTime = UnixTime.ToDateTime(json.GetInt64OrNull("end_time")),
                OrderLineId = json.GetStringOrNull("order_line_id"),
            };
            campaign.ReadCommon(json, adAccountId, currency);
            return campaign;
        }
    }
}
