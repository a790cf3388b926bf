using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace PinterestAds.Testing.Ads
{
    /// <summary>Ad groups (FACTS §5; spec AdGroupCreateRequest / AdGroupResponse).</summary>
    internal sealed class AdGroupKind : EntityKind
    {
        public const string CollectionName = "ad_groups";

        private static readonly FieldRules AdGroupRules = new FieldRules()
            .String("name", nullable: false, maxLength: 255)
            .String("campaign_id", nullable: false, pattern: @"^C?\d+$")
            .Enum("billable_event", Enums.ActionType)
            .Enum("status", Enums.EntityStatus)
            .Enum("budget_type", Enums.BudgetType)
            .Enum("bid_strategy_type", Enums.BidStrategyType, nullable: true)
            .Enum("pacing_delivery_type", Enums.PacingDeliveryType)
            .Enum("placement_group", Enums.PlacementGroupType)
            .Money("budget_in_micro_currency", "bid_in_micro_currency")
            .Integer("start_time")
            .Integer("end_time")
            .Integer("lifetime_frequency_cap")
            .Boolean("auto_targeting_enabled", "is_creative_optimization")
            .Object("targeting_spec", "tracking_urls", "optimization_goal_metadata")
            .Array("targeting_template_ids");

        public AdGroupKind()
            : base(CollectionName, "Ad group", "ad_group_id", "adgroup", 2680059592705, exceptionsAsArray: true)
        {
        }

        public override IReadOnlyList<KeyValuePair<string, string>> ListFilters { get; } = new[]
        {
            new KeyValuePair<string, string>("campaign_ids", "campaign_id"),
            new KeyValuePair<string, string>("ad_group_ids", "id"),
        };

        protected override FieldRules Rules => AdGroupRules;

        protected override IEnumerable<KeyValuePair<string, JsonNode?>> Defaults(WriteScope scope) => new[]
        {
            Field("id", null),
            Field("ad_account_id", null),
            Field("campaign_id", null),
            Field("name", null),
            Field("status", "ACTIVE"),
            Field("budget_in_micro_currency", null),
            Field("bid_in_micro_currency", null),
            Field("bid_multiplier", null),
            Field("optimization_goal_metadata", null),
            Field("budget_type", "DAILY"),
            Field("start_time", null),
            Field("end_time", null),
            Field("targeting_spec", new JsonObject()),
            Field("lifetime_frequency_cap", 0),
            Field("tracking_urls", null),
            Field("auto_targeting_enabled", true),
            Field("placement_group", "ALL"),
            Field("pacing_delivery_type", "STANDARD"),
            Field("conversion_learning_mode_type", null),
            Field("summary_status", null),
            Field("feed_profile_id", "0"),
            Field("billable_event", null),
            Field("type", null),
            Field("created_time", null),
            Field("updated_time", null),
            Field("bid_strategy_type", null),
            Field("targeting_template_ids", null),
            Field("is_creative_optimization", false),
            Field("promotion_id", null),
            Field("promotion_application_level", null),
            Field("dca_assets", null),
        };

        protected override void CheckCreateRequest(JsonObject request, WriteScope scope, ItemErrors errors)
        {
            Require(request, "name", errors);
            Require(request, "campaign_id", errors);
            Require(request, "billable_event", errors);
            RequireParent(request, "campaign_id", "C", CampaignKind.CollectionName, "Campaign", scope, errors);
        }

        protected override void CheckUpdateRequest(JsonObject request, JsonObject existing, WriteScope scope, ItemErrors errors)
        {
            string? campaignId = JsonFields.NormalizeId(JsonFields.String(request, "campaign_id"), "C");
            if (campaignId != null && campaignId != JsonFields.String(existing, "campaign_id"))
            {
                errors.Invalid("campaign_id of an ad group cannot be changed.");
            }

            bool draft = JsonFields.String(existing, "status") == "DRAFT";
            foreach (string draftOnly in new[] { "billable_event", "budget_type" })
            {
                string? requested = JsonFields.String(request, draftOnly);
                if (!draft && requested != null && requested != JsonFields.String(existing, draftOnly))
                {
                    errors.Invalid(draftOnly + " can only be changed while the ad group is DRAFT.");
                }
            }
        }

        protected override void Complete(JsonObject entity, JsonObject request, JsonObject? existing, WriteScope scope)
        {
            entity["campaign_id"] = JsonFields.NormalizeId(JsonFields.String(entity, "campaign_id"), "C");
            if (existing == null)
            {
                // Under CBO the only allowed budget type is CBO_ADGROUP; default to it like the API.
                if (!JsonFields.Has(request, "budget_type") && IsCbo(entity, scope))
                {
                    entity["budget_type"] = "CBO_ADGROUP";
                }

                if (JsonFields.IsNull(entity["bid_strategy_type"]))
                {
                    entity["bid_strategy_type"] = JsonFields.Long(entity, "bid_in_micro_currency").HasValue ? "MAX_BID" : "AUTOMATIC_BID";
                }
            }
        }

        protected override void CheckState(JsonObject entity, JsonObject request, JsonObject? existing, WriteScope scope, ItemErrors errors)
        {
            string budgetType = JsonFields.String(entity, "budget_type") ?? "DAILY";
            bool budgetTouched = existing == null || JsonFields.Has(request, "budget_type") || JsonFields.Has(request, "budget_in_micro_currency");
            if (budgetTouched)
            {
                bool cbo = IsCbo(entity, scope);
                if (cbo && budgetType != "CBO_ADGROUP")
                {
                    errors.Invalid("Ad groups in a campaign budget optimization (CBO) campaign must use budget_type CBO_ADGROUP (got " + budgetType + ").");
                }
                else if (!cbo && budgetType == "CBO_ADGROUP")
                {
                    errors.Invalid("budget_type CBO_ADGROUP is only allowed in campaign budget optimization (CBO) campaigns.");
                }
                else if (!cbo && !JsonFields.Long(entity, "budget_in_micro_currency").HasValue)
                {
                    errors.Invalid("budget_in_micro_currency is required for ad groups in campaigns without campaign budget optimization (CBO).");
                }
            }

            if (budgetType == "LIFETIME" && !JsonFields.Long(entity, "end_time").HasValue)
            {
                errors.Invalid("end_time is required when budget_type is LIFETIME.");
            }

            CheckSchedule(entity, errors);
        }

        protected override string SummaryStatus(JsonObject entity, long now) => ScheduledSummaryStatus(entity, now);

        private static bool IsCbo(JsonObject entity, WriteScope scope)
        {
            JsonObject? campaign = scope.Find(CampaignKind.CollectionName, JsonFields.String(entity, "campaign_id"));
            return campaign != null && JsonFields.IsTrue(campaign, "is_campaign_budget_optimization");
        }
    }
}
