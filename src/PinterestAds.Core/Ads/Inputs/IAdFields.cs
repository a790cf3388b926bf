namespace PinterestAds.Core.Ads.Inputs
{
    /// <summary>
    /// The one list of an ad's fields, each named after its PowerShell parameter (see
    /// <see cref="ICampaignFields"/>): New-PinAd and Set-PinAd implement it, and
    /// <see cref="AdRequests"/> names the fields in errors with <c>nameof</c>. Null means "not given".
    /// </summary>
    public interface IAdFields
    {
        string? CreativeType { get; }

        string? Name { get; }

        string? Status { get; }

        string? DestinationUrl { get; }

        /// <summary>Button text such as "Shop now"; mapped onto customizable_cta_type.</summary>
        string? CallToAction { get; }

        object? TrackingUrls { get; }

        string? AndroidDeepLink { get; }

        string? IosDeepLink { get; }
    }
}
