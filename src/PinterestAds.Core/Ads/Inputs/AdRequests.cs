using System.Text.Json.Nodes;
using PinterestAds.Core.Validation;

namespace PinterestAds.Core.Ads
{
    /// <summary>Items of <c>POST|PATCH /ad_accounts/{id}/ads</c> (AdCreateRequest / AdUpdateRequest).</summary>
    public static class AdRequests
    {
        /// <summary>The spec's limit on an ad's name.</summary>
        public const int MaxNameLength = 255;

        public static JsonObject Create(string adAccountId, AdInput input)
        {
            ResourceIds.Require("AdAccountId", adAccountId);
            var body = new BodyBuilder();
            body.Require("AdGroupId", input.AdGroupId != null, "create an ad");
            body.Require("PinId", input.PinId != null, "create an ad");
            body.Require("CreativeType", input.CreativeType != null, "create an ad (" + string.Join(", ", SpecValues.CreativeTypes) + ")");
            return Fields(body.Id("ad_group_id", "AdGroupId", input.AdGroupId).Id("pin_id", "PinId", input.PinId), input).Body;
        }

        public static JsonObject Update(string adAccountId, string id, AdInput input)
        {
            ResourceIds.Require("AdAccountId", adAccountId);
            var body = new BodyBuilder().Id("id", "Id", id);
            return Fields(body, input).RequireChanges("ad", id, "Name", "DestinationUrl", "CallToAction");
        }

        private static BodyBuilder Fields(BodyBuilder body, AdInput input) => body
            .Enum("creative_type", "CreativeType", input.CreativeType, SpecValues.CreativeTypes)
            .Text("name", "Name", input.Name, MaxNameLength)
            .Enum("status", "Status", input.Status, SpecValues.EntityStatuses)
            .Url("destination_url", "DestinationUrl", input.DestinationUrl, webOnly: true)
            .Enum("customizable_cta_type", "CallToAction", input.CallToAction is string text ? CallToAction.Map("CallToAction", text) : null, SpecValues.CallToActionTypes)
            .Shaped("tracking_urls", "TrackingUrls", input.TrackingUrls, SpecShapes.TrackingUrls)
            .Url("android_deep_link", "AndroidDeepLink", input.AndroidDeepLink, webOnly: false)
            .Url("ios_deep_link", "IosDeepLink", input.IosDeepLink, webOnly: false);
    }
}
