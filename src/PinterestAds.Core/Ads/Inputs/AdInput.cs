using System;

namespace PinterestAds.Core.Ads.Inputs
{
    /// <summary>An ad's fields as plain values: for callers other than the cmdlets, and for only the fields a command line gave (see CopyOf).</summary>
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

        /// <summary>The fields <paramref name="given"/> names (by parameter name); the others null.</summary>

        public static AdInput CopyOf(IAdFields fields, Func<string, bool> given) => new AdInput
        {
            CreativeType = given(nameof(CreativeType)) ? fields.CreativeType : null,
            Name = given(nameof(Name)) ? fields.Name : null,
            Status = given(nameof(Status)) ? fields.Status : null,
            DestinationUrl = given(nameof(DestinationUrl)) ? fields.DestinationUrl : null,
            CallToAction = given(nameof(CallToAction)) ? fields.CallToAction : null,
            TrackingUrls = given(nameof(TrackingUrls)) ? fields.TrackingUrls : null,
            AndroidDeepLink = given(nameof(AndroidDeepLink)) ? fields.AndroidDeepLink : null,
            IosDeepLink = given(nameof(IosDeepLink)) ? fields.IosDeepLink : null,
        };
    }
}
