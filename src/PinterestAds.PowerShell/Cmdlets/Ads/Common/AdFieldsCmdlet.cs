using System.Management.Automation;
using PinterestAds.Core.Ads;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>The ad fields New-PinAd and Set-PinAd share; Set- sends only those given.</summary>
    public abstract class AdFieldsCmdlet : AdsFieldsCmdlet<Ad>, IAdFields
    {
        /// <summary>REGULAR, VIDEO, SHOPPING, CAROUSEL, … (required to create an ad).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        [ArgumentCompleter(typeof(SpecValueCompleter))]
        public virtual string? CreativeType { get; set; }

        /// <summary>Where a click leads: an absolute http or https URL.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public string? DestinationUrl { get; set; }

        /// <summary>The button text, e.g. 'Shop now' or SHOP_NOW (customizable_cta_type).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("CustomizableCtaType")]
        [OptionalText]
        [ArgumentCompleter(typeof(SpecValueCompleter))]
        public string? CallToAction { get; set; }

        /// <summary>Deep link into the Android app, e.g. myapp://product/42.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public string? AndroidDeepLink { get; set; }

        /// <summary>Deep link into the iOS app, e.g. myapp://product/42.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public string? IosDeepLink { get; set; }
    }
}
