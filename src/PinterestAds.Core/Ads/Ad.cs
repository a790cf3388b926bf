using System.Collections.Generic;
using System.Text.Json;
using PinterestAds.Core.Json;

namespace PinterestAds.Core.Ads
{
    /// <summary>An ad (spec AdResponse): a promoted pin in an ad group, with its review status.</summary>
    public sealed class Ad : AdsEntity
    {
        public override AdsKind Kind => AdsKind.Ad;

        public string? AdGroupId { get; set; }

        public string? CampaignId { get; set; }

        public string? PinId { get; set; }

        public string? CreativeType { get; set; }

        public string? DestinationUrl { get; set; }

        /// <summary>customizable_cta_type, e.g. SHOP_NOW.</summary>
        public string? CallToAction { get; set; }

        /// <summary>OTHER, PENDING, REJECTED or APPROVED.</summary>
        public string? ReviewStatus { get; set; }

        public IReadOnlyList<string> RejectedReasons { get; set; } = new string[0];

        public IReadOnlyList<string> RejectionLabels { get; set; } = new string[0];

        public string? AndroidDeepLink { get; set; }

        public string? IosDeepLink { get; set; }

        public override string? IdOf(AdsKind kind) => kind switch
        {
            AdsKind.Campaign => CampaignId,
            AdsKind.AdGroup => AdGroupId,
            _ => base.IdOf(kind),
        };

        public static Ad FromJson(JsonElement json, string adAccountId, string? currency)
        {
            var ad = new Ad
            {
                AdGroupId = json.GetStringOrNull("ad_group_id")?.Replace("AG", string.Empty),
                CampaignId = json.GetStringOrNull("campaign_id"),
                PinId = json.GetStringOrNull("pin_id"),
                CreativeType = json.GetStringOrNull("creative_type"),
                DestinationUrl = json.GetStringOrNull("destination_url"),
                CallToAction = json.GetStringOrNull("customizable_cta_type"),
                ReviewStatus = json.GetStringOrNull("review_status"),
                RejectedReasons = JsonPlain.StringArray(json, "rejected_reasons"),
                RejectionLabels = JsonPlain.StringArray(json, "rejection_labels"),
                AndroidDeepLink = json.GetStringOrNull("android_deep_link"),
                IosDeepLink = json.GetStringOrNull("ios_deep_link"),
            };
            ad.ReadCommon(json, adAccountId, currency);
            return ad;
        }
    }
}
