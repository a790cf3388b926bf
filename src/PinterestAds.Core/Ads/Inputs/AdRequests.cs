using System.Text.Json.Nodes;
using PinterestAds.Core.Ads.Shapes;
using PinterestAds.Core.Ads.Values;

namespace PinterestAds.Core.Ads.Inputs
{
    /// <summary>Items of <c>POST|PATCH /ad_accounts/{id}/ads</c> (AdCreateRequest / AdUpdateRequest).</summary>
    public static class AdRequests
    {
        /// <summary>The spec's limit on an ad's name.</summary>
        public const int MaxNameLength = 255;

        /// <param name="adAccountId">Goes in the path, not the item.</param>
        public static JsonObject Create(PinterestId adAccountId, PinterestId adGroupId, PinterestId pinId, IAdFields fields)
        {
            var body = new BodyBuilder();
            body.Require(nameof(fields.CreativeType), fields.CreativeType != null, "create an ad (" + string.Join(", ", SpecValues.CreativeTypes) + ")");
            return Fields(body.Id("ad_group_id", adGroupId).Id("pin_id", pinId), fields).Body;
        }

        /// <param name="adAccountId">Goes in the path, not the item.</param>
        public static JsonObject Update(PinterestId adAccountId, PinterestId id, IAdFields fields)
        {
            var body = new BodyBuilder().Id("id", id);
            return Fields(body, fields).RequireChanges("ad", id, nameof(fields.Name), nameof(fields.DestinationUrl), nameof(fields.CallToAction));
        }

        private static BodyBuilder Fields(BodyBuilder body, IAdFields fields) => body
            .Enum("creative_type", nameof(fields.CreativeType), fields.CreativeType, SpecValues.CreativeTypes)
            .Text("name", nameof(fields.Name), fields.Name, MaxNameLength)
            .Enum("status", nameof(fields.Status), fields.Status, SpecValues.EntityStatuses)
            .Url("destination_url", nameof(fields.DestinationUrl), fields.DestinationUrl, webOnly: true)
            .Enum("customizable_cta_type", nameof(fields.CallToAction), fields.CallToAction is string text ? CallToAction.Map(nameof(fields.CallToAction), text) : null, SpecValues.CallToActionTypes)
            .Shaped("tracking_urls", nameof(fields.TrackingUrls), fields.TrackingUrls, SpecShapes.TrackingUrls)
            .Url("android_deep_link", nameof(fields.AndroidDeepLink), fields.AndroidDeepLink, webOnly: false)
            .Url("ios_deep_link", nameof(fields.IosDeepLink), fields.IosDeepLink, webOnly: false);
    }
}
