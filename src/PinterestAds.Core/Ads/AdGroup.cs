using System;
using System.Collections.Generic;
using System.Text.Json;
using PinterestAds.Core.Json;

namespace PinterestAds.Core.Ads
{
    /// <summary>An ad group (spec AdGroupResponse); budget and bid both in micros and in the account's currency.</summary>
    public sealed class AdGroup : AdsEntity
    {
        public override AdsKind Kind => AdsKind.AdGroup;

        public string? CampaignId { get; set; }

        public string? BillableEvent { get; set; }

        public long? BudgetMicros { get; set; }

        public decimal? Budget => Micros.ToAmount(BudgetMicros);

        public string? BudgetType { get; set; }

        public long? BidMicros { get; set; }

        public decimal? Bid => Micros.ToAmount(BidMicros);

        public string? BidStrategy { get; set; }

        /// <summary>The budget as a table shows it: "10.00 USD daily".</summary>
        public string? BudgetText => Describe(Budget, BudgetType?.ToLowerInvariant());

        /// <summary>The bid as a table shows it: "1.20 USD".</summary>
        public string? BidText => Describe(Bid);

        public IReadOnlyDictionary<string, object?>? Targeting { get; set; }

        public IReadOnlyDictionary<string, object?>? OptimizationGoalMetadata { get; set; }

        public string? PlacementGroup { get; set; }

        public string? PacingDeliveryType { get; set; }

        public bool? AutoTargeting { get; set; }

        public long? LifetimeFrequencyCap { get; set; }

        public string? ConversionLearningModeType { get; set; }

        /// <summary>UTC.</summary>
        public DateTime? StartTime { get; set; }

        /// <summary>UTC.</summary>
        public DateTime? EndTime { get; set; }

        public override string? IdOf(AdsKind kind) => kind == AdsKind.Campaign ? CampaignId : base.IdOf(kind);

        public static AdGroup FromJson(JsonElement json, string adAccountId, string? currency)
        {
            var group = new AdGroup
            {
                CampaignId = json.GetStringOrNull("campaign_id")?.TrimStart('C'),
                BillableEvent = json.GetStringOrNull("billable_event"),
                BudgetMicros = json.GetInt64OrNull("budget_in_micro_currency"),
                BudgetType = json.GetStringOrNull("budget_type"),
                BidMicros = json.GetInt64OrNull("bid_in_micro_currency"),
                BidStrategy = json.GetStringOrNull("bid_strategy_type"),
                Targeting = JsonPlain.ObjectOrNull(json, "targeting_spec"),
                OptimizationGoalMetadata = JsonPlain.ObjectOrNull(json, "optimization_goal_metadata"),
                PlacementGroup = json.GetStringOrNull("placement_group"),
                PacingDeliveryType = json.GetStringOrNull("pacing_delivery_type"),
                AutoTargeting = json.GetBooleanOrNull("auto_targeting_enabled"),
                LifetimeFrequencyCap = json.GetInt64OrNull("lifetime_frequency_cap"),
                ConversionLearningModeType = json.GetStringOrNull("conversion_learning_mode_type"),
                StartTime = UnixTime.ToDateTime(json.GetInt64OrNull("start_time")),
                EndTime = UnixTime.ToDateTime(json.GetInt64OrNull("end_time")),
            };
            group.ReadCommon(json, adAccountId, currency);
            return group;
        }
    }
}
