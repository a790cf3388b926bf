using System.Text.Json.Nodes;
using PinterestAds.Core.Ads.Shapes;
using PinterestAds.Core.Ads.Values;

namespace PinterestAds.Core.Ads.Inputs
{
    /// <summary>Items of <c>POST|PATCH /ad_accounts/{id}/campaigns</c> (CampaignCreateRequest / CampaignUpdateRequest).</summary>
    public static class CampaignRequests
    {
        private const string BothCapsRule = "a campaign has a daily or a lifetime spend cap, not both (spec: daily_spend_cap and lifetime_spend_cap cannot be set at the same time).";

        public static JsonObject Create(PinterestId adAccountId, ICampaignFields fields)
        {
            var body = new BodyBuilder().Id("ad_account_id", adAccountId);
            body.Require(nameof(fields.Name), !string.IsNullOrWhiteSpace(fields.Name), "create a campaign");
            body.Require(nameof(fields.ObjectiveType), fields.ObjectiveType != null, "create a campaign (" + string.Join(", ", SpecValues.ObjectiveTypes) + ")");
            return Fields(body, fields).Body;
        }

        /// <summary>A partial update: <c>id</c> and <c>ad_account_id</c> plus only the fields given.</summary>
        public static JsonObject Update(PinterestId adAccountId, PinterestId id, ICampaignFields fields)
        {
            var body = new BodyBuilder().Id("id", id).Id("ad_account_id", adAccountId);
            return Fields(body, fields).RequireChanges("campaign", id, nameof(fields.Name), nameof(fields.Status), nameof(fields.DailySpendCap));
        }

        private static BodyBuilder Fields(BodyBuilder body, ICampaignFields fields) => body
            .OneOf(nameof(fields.DailySpendCap), fields.DailySpendCap, nameof(fields.LifetimeSpendCap), fields.LifetimeSpendCap, BothCapsRule)
            .Text("name", nameof(fields.Name), fields.Name)
            .Enum("objective_type", nameof(fields.ObjectiveType), fields.ObjectiveType, SpecValues.ObjectiveTypes)
            .Enum("status", nameof(fields.Status), fields.Status, SpecValues.EntityStatuses)
            .Money("daily_spend_cap", nameof(fields.DailySpendCap), fields.DailySpendCap)
            .Money("lifetime_spend_cap", nameof(fields.LifetimeSpendCap), fields.LifetimeSpendCap)
            .Money("default_ad_group_budget_in_micro_currency", nameof(fields.DefaultAdGroupBudget), fields.DefaultAdGroupBudget)
            .Flag("is_campaign_budget_optimization", fields.CampaignBudgetOptimization)
            .Flag("is_flexible_daily_budgets", fields.FlexibleDailyBudgets)
            .Flag("is_performance_plus", fields.PerformancePlus)
            .Schedule(nameof(fields.StartTime), fields.StartTime, nameof(fields.EndTime), fields.EndTime)
            .Shaped("tracking_urls", nameof(fields.TrackingUrls), fields.TrackingUrls, SpecShapes.TrackingUrls)
            .Id("order_line_id", nameof(fields.OrderLineId), fields.OrderLineId);
    }
}
