using System.Text.Json.Nodes;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Validation;

namespace PinterestAds.Core.Ads
{
    /// <summary>Items of <c>POST|PATCH /ad_accounts/{id}/ad_groups</c> (AdGroupCreateRequest / AdGroupUpdateRequest).</summary>
    public static class AdGroupRequests
    {
        public static JsonObject Create(string adAccountId, AdGroupInput input)
        {
            ResourceIds.Require("AdAccountId", adAccountId);
            var body = new BodyBuilder();
            body.Require("CampaignId", input.CampaignId != null, "create an ad group");
            body.Require("Name", !string.IsNullOrWhiteSpace(input.Name), "create an ad group");
            body.Require("BillableEvent", input.BillableEvent != null, "create an ad group (" + string.Join(", ", SpecValues.BillableEvents) + ")");
            if (input.BudgetType != null && EnumValues.TryMatch(input.BudgetType, SpecValues.BudgetTypes) == "LIFETIME" && input.EndTime is null)
            {
                throw PinterestAdsException.InvalidArgument("EndTime", "is required when -BudgetType is LIFETIME: the budget is spread between -StartTime and -EndTime.");
            }

            return Fields(body.Id("campaign_id", "CampaignId", input.CampaignId), input).Body;
        }

        public static JsonObject Update(string adAccountId, string id, AdGroupInput input)
        {
            ResourceIds.Require("AdAccountId", adAccountId);
            var body = new BodyBuilder().Id("id", "Id", id);
            return Fields(body, input).RequireChanges("ad group", id, "Name", "Budget", "Bid", "Targeting");
        }

        private static BodyBuilder Fields(BodyBuilder body, AdGroupInput input) => body
            .Text("name", "Name", input.Name)
            .Enum("status", "Status", input.Status, SpecValues.EntityStatuses)
            .Enum("billable_event", "BillableEvent", input.BillableEvent, SpecValues.BillableEvents)
            .Money("budget_in_micro_currency", "Budget", input.Budget)
            .Enum("budget_type", "BudgetType", input.BudgetType, SpecValues.BudgetTypes)
            .Money("bid_in_micro_currency", "Bid", input.Bid)
            .Enum("bid_strategy_type", "BidStrategy", input.BidStrategy, SpecValues.BidStrategyTypes)
            .Shaped("targeting_spec", "Targeting", input.Targeting, SpecShapes.Targeting)
            .Shaped("optimization_goal_metadata", "OptimizationGoalMetadata", input.OptimizationGoalMetadata, SpecShapes.OptimizationGoalMetadata)
            .Enum("placement_group", "PlacementGroup", input.PlacementGroup, SpecValues.PlacementGroups)
            .Enum("pacing_delivery_type", "PacingDeliveryType", input.PacingDeliveryType, SpecValues.PacingDeliveryTypes)
            .Schedule(input.StartTime, input.EndTime)
            .Flag("auto_targeting_enabled", input.AutoTargeting)
            .Number("lifetime_frequency_cap", "LifetimeFrequencyCap", input.LifetimeFrequencyCap, 1)
            .Shaped("tracking_urls", "TrackingUrls", input.TrackingUrls, SpecShapes.TrackingUrls);
    }
}
