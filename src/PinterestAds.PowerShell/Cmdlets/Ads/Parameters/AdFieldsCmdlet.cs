using System.Management.Automation;
using PinterestAds.Core.Ads.Inputs;
using PinterestAds.PowerShell.Binding;

namespace PinterestAds.PowerShell.Cmdlets.Ads.Parameters
{
    /// <summary>
    /// The ad fields New-PinAd and Set-PinAd share; Set- sends only those given. The cmdlets declare
    /// -CreativeType themselves and implement <see cref="IAdFields"/>.
    /// </summary>
    public abstract class AdFieldsCmdlet : AdsFieldsCmdlet
    {
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

        /// <summary>The ad's name (at most 255 characters).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public string? Name { get; set; }
    }
}
