namespace PinterestAds.Core.Ads.Inputs
{
    /// <summary>An ad's fields as plain values: for callers other than the cmdlets, and for a copy of what a command line gave.</summary>
    public sealed class AdInput : IAdFields
    {
        public string? CreativeType { get; set; }

        public string? Name { get; set; }

        public string? Status { get; set; }

        public string? DestinationUrl { get; set; }

        public string? CallToAction { get; set; }

        public object? TrackingUrls { get; set; }

        public string? AndroidDeepLink { get; set; }

        public string? IosDeepLink { get; set; }

        public static AdInput CopyOf(IAdFields fields) => new AdInput
        {
            CreativeType = fields.CreativeType,
            Name = fields.Name,
            Status = fields.Status,
            DestinationUrl = fields.DestinationUrl,
            CallToAction = fields.CallToAction,
            TrackingUrls = fields.TrackingUrls,
            AndroidDeepLink = fields.AndroidDeepLink,
            IosDeepLink = fields.IosDeepLink,
        };
    }
}
