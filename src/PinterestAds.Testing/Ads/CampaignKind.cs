using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace PinterestAds.Testing.Ads
{
    /// <summary>Campaigns (FACTS §4; spec CampaignCreateRequest / CampaignResponse).</summary>
    internal sealed class CampaignKind : EntityKind
    {
        public const string CollectionName = "campaigns";

        private static readonly FieldRules CampaignRules = new FieldRules()
            .String("ad_account_id", nullable: false, pattern: @"^\d+$")
            .String("name", nullable: false, maxLength: 255)
            .Enum("status", Enums.EntityStatus)
            .Enum("objective_type", Enums.ObjectiveType)
            .Money("daily_spend_cap", "lifetime_spend_cap", "default_ad_group_budget_in_micro_currency")
            .Integer("start_time")
            .Integer("end_time")
            .String("order_line_id", pattern: @"^\d+$")
            .Boolean("is_campaign_budget_optimization", "is_flexible_daily_budgets", "is_automated_campaign", "is_performance_plus")
            .Object("tracking_urls", "bid_options");

        public CampaignKind()
            : base(CollectionName, "Campaign", "campaign_id", "campaign", 626736533506, exceptionsAsArray: true)
        {
        }

        public override IReadOnlyList<KeyValuePair<string, string>> ListFilters { get; } = new[]
        {
            new KeyValuePair<string, string>("campaign_ids", "id"),
        };

        protected override FieldRules Rules => CampaignRules;

        protected override IEnumerable<KeyValuePair<string, JsonNode?>> Defaults(WriteScope scope) => new[]
        {
            Field("id", null),
            Field("ad_account_id", null),
            Field("name", null),
            Field("status", "ACTIVE"),
            Field("objective_type", null),
            Field("daily_spend_cap", null),
            Field("lifetime_spend_cap", null),
            Field("order_line_id", null),
            Field("tracking_urls", null),
            // Spec: start_time "defaults to current time if no time is specified".
            Field("start_time", scope.Now),
            Field("end_time", null),
            Field("is_campaign_budget_optimization", false),
            Field("is_flexible_daily_budgets", false),
            Field("default_ad_group_budget_in_micro_currency", null),
            Field("is_automated_campaign", false),
            Field("is_performance_plus", false),
            Field("bid_options", null),
            Field("summary_status", null),
            Field("created_time", null),
            Field("updated_time", null),
            Field("type", null),
        };

        protected override void CheckCreateRequest(JsonObject request, WriteScope scope, ItemErrors errors)
        {
            Require(request, "ad_account_id", errors);
            Require(request, "name", errors);
            Require(request, "objective_type", errors);
            CheckBodyAccount(request, scope, errors);
        }

        protected override void CheckUpdateRequest(JsonObject request, JsonObject existing, WriteScope scope, ItemErrors errors)
        {
            Require(request, "ad_account_id", errors);
            CheckBodyAccount(request, scope, errors);
            string? objective = JsonFields.String(request, "objective_type");
            if (objective != null && objective != JsonFields.String(existing, "objective_type") && JsonFields.String(existing, "status") != "DRAFT")
            {
                errors.Invalid("objective_type can only be changed while the campaign is DRAFT.");
            }
        }

        protected override void CheckState(JsonObject entity, JsonObject request, JsonObject? existing, WriteScope scope, ItemErrors errors)
        {
            bool hasDaily = JsonFields.Long(entity, "daily_spend_cap").HasValue;
            bool hasLifetime = JsonFields.Long(entity, "lifetime_spend_cap").HasValue;
            if (hasDaily && hasLifetime)
            {
                errors.Invalid("daily_spend_cap and lifetime_spend_cap cannot be set at the same time.");
            }

            if (JsonFields.IsTrue(entity, "is_campaign_budget_optimization") && !hasDaily && !hasLifetime)
            {
                errors.Invalid("A campaign budget optimization (CBO) campaign requires daily_spend_cap or lifetime_spend_cap.");
            }

            CheckSchedule(entity, errors);
        }

        protected override string SummaryStatus(JsonObject entity, long now) => ScheduledSummaryStatus(entity, now);

        /// <summary>Spec: a campaign names its ad account in both the path and the body.</summary>
        private static void CheckBodyAccount(JsonObject request, WriteScope scope, ItemErrors errors)
        {
            string? bodyAccount = JsonFields.String(request, "ad_account_id");
            if (bodyAccount != null && bodyAccount.Length > 0 && bodyAccount != scope.AdAccountId)
            {
                errors.Invalid("ad_account_id in the body (" + bodyAccount + ") does not match the ad account in the path (" + scope.AdAccountId + ").");
            }
        }
    }
}
