namespace PinterestAds.Core.Ads
{
    /// <summary>What a user gave for an ad; null means "not given" (see <see cref="CampaignInput"/>).</summary>
    public sealed class AdInput
    {
        public string? AdGroupId { get; set; }

        public string? PinId { get; set; }

        public string? CreativeType { get; set; }

        public string? Name { get; set; }

        public string? Status { get; set; }

        public string? DestinationUrl { get; set; }

        /// <summary>Button text such as "Shop now"; mapped onto customizable_cta_type.</summary>
        public string? CallToAction { get; set; }

        public object? TrackingUrls { get; set; }

        public string? AndroidDeepLink { get; set; }

        public string? IosDeepLink { get; set; }
    }
}
