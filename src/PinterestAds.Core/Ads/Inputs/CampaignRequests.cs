using System.Text.Json.Nodes;
using PinterestAds.Core.Validation;

namespace PinterestAds.Core.Ads
{
    /// <summary>Items of <c>POST|PATCH /ad_accounts/{id}/campaigns</c> (CampaignCreateRequest / CampaignUpdateRequest).</summary>
    public static class CampaignRequests
    {
        private const string BothCapsRule = "a campaign has a daily or a lifetime spend cap, not both (spec: daily_spend_cap and lifetime_spend_cap cannot be set at the same time).";

        public static JsonObject Create(string adAccountId, CampaignInput input)
        {
            var body = new BodyBuilder().Id("ad_account_id", "AdAccountId", ResourceIds.Require("AdAccountId", adAccountId));
            body.Require("Name", !string.IsNullOrWhiteSpace(input.Name), "create a campaign");
            body.Require("ObjectiveType", input.ObjectiveType != null, "create a campaign (" + string.Join(", ", SpecValues.ObjectiveTypes) + ")");
            return Fields(body, input).Body;
        }

        /// <summary>A partial update: <c>id</c> and <c>ad_account_id</c> plus only the fields given.</summary>
        public static JsonObject Update(string adAccountId, string id, CampaignInput input)
        {
            var body = new BodyBuilder()
                .Id("id", "Id", id)
                .Id("ad_account_id", "AdAccountId", ResourceIds.Require("AdAccountId", adAccountId));
            return Fields(body, input).RequireChanges("campaign", id, "Name", "Status", "DailySpendCap");
        }

        private static BodyBuilder Fields(BodyBuilder body, CampaignInput input) => body
            .OneOf("DailySpendCap", input.DailySpendCap, "LifetimeSpendCap", input.LifetimeSpendCap, BothCapsRule)
            .Text("name", "Name", input.Name)
            .Enum("objective_type", "ObjectiveType", input.ObjectiveType, SpecValues.ObjectiveTypes)
            .Enum("status", "Status", input.Status, SpecValues.EntityStatuses)
            .Money("daily_spend_cap", "DailySpendCap", input.DailySpendCap)
            .Money("lifetime_spend_cap", "LifetimeSpendCap", input.LifetimeSpendCap)
            .Money("default_ad_group_budget_in_micro_currency", "DefaultAdGroupBudget", input.DefaultAdGroupBudget)
            .Flag("is_campaign_budget_optimization", input.CampaignBudgetOptimization)
            .Flag("is_flexible_daily_budgets", input.FlexibleDailyBudgets)
            .Flag("is_performance_plus", input.PerformancePlus)
            .Schedule(input.StartTime, input.EndTime)
            .Shaped("tracking_urls", "TrackingUrls", input.TrackingUrls, SpecShapes.TrackingUrls)
            .Id("order_line_id", "OrderLineId", input.OrderLineId);
    }
}
