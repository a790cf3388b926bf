using System.Text.Json.Nodes;
using PinterestAds.Core.Ads.Shapes;
using PinterestAds.Core.Ads.Values;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Ads.Inputs
{
    /// <summary>Items of <c>POST|PATCH /ad_accounts/{id}/ad_groups</c> (AdGroupCreateRequest / AdGroupUpdateRequest).</summary>
    public static class AdGroupRequests
    {
        /// <param name="adAccountId">Goes in the path, not the item.</param>
        public static JsonObject Create(PinterestId adAccountId, PinterestId campaignId, IAdGroupFields fields)
        {
            var body = new BodyBuilder();
            body.Require(nameof(fields.Name), !string.IsNullOrWhiteSpace(fields.Name), "create an ad group");
            body.Require(nameof(fields.BillableEvent), fields.BillableEvent != null, "create an ad group (" + string.Join(", ", SpecValues.BillableEvents) + ")");
            if (fields.BudgetType != null && EnumValues.TryMatch(fields.BudgetType, SpecValues.BudgetTypes) == "LIFETIME" && fields.EndTime is null)
            {
                throw PinterestAdsException.InvalidArgument(
                    nameof(fields.EndTime),
                    $"is required when -{nameof(fields.BudgetType)} is LIFETIME: the budget is spread between -{nameof(fields.StartTime)} and -{nameof(fields.EndTime)}.");
            }

            return Fields(body.Id("campaign_id", campaignId), fields).Body;
        }

        /// <param name="adAccountId">Goes in the path, not the item.</param>
        public static JsonObject Update(PinterestId adAccountId, PinterestId id, IAdGroupFields fields)
        {
            var body = new BodyBuilder().Id("id", id);
            return Fields(body, fields).RequireChanges("ad group", id, nameof(fields.Name), nameof(fields.Budget), nameof(fields.Bid), nameof(fields.Targeting));
        }

        private static BodyBuilder Fields(BodyBuilder body, IAdGroupFields fields) => body
            .Text("name", nameof(fields.Name), fields.Name)
            .Enum("status", nameof(fields.Status), fields.Status, SpecValues.EntityStatuses)
            .Enum("billable_event", nameof(fields.BillableEvent), fields.BillableEvent, SpecValues.BillableEvents)
            .Money("budget_in_micro_currency", nameof(fields.Budget), fields.Budget)
            .Enum("budget_type", nameof(fields.BudgetType), fields.BudgetType, SpecValues.BudgetTypes)
            .Money("bid_in_micro_currency", nameof(fields.Bid), fields.Bid)
            .Enum("bid_strategy_type", nameof(fields.BidStrategy), fields.BidStrategy, SpecValues.BidStrategyTypes)
            .Shaped("targeting_spec", nameof(fields.Targeting), fields.Targeting, SpecShapes.Targeting)
            .Shaped("optimization_goal_metadata", nameof(fields.OptimizationGoalMetadata), fields.OptimizationGoalMetadata, SpecShapes.OptimizationGoalMetadata)
            .Enum("placement_group", nameof(fields.PlacementGroup), fields.PlacementGroup, SpecValues.PlacementGroups)
            .Enum("pacing_delivery_type", nameof(fields.PacingDeliveryType), fields.PacingDeliveryType, SpecValues.PacingDeliveryTypes)
            .Schedule(nameof(fields.StartTime), fields.StartTime, nameof(fields.EndTime), fields.EndTime)
            .Flag("auto_targeting_enabled", fields.AutoTargeting)
            .Number("lifetime_frequency_cap", nameof(fields.LifetimeFrequencyCap), fields.LifetimeFrequencyCap, 1)
            .Shaped("tracking_urls", nameof(fields.TrackingUrls), fields.TrackingUrls, SpecShapes.TrackingUrls);
    }
}
