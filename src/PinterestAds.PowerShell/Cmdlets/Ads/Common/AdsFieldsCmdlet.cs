using System;
using System.Management.Automation;
using PinterestAds.Core.Ads;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>
    /// Fields every New-/Set- of campaigns, ad groups and ads has. Set- sends only the fields
    /// given; blank CSV cells count as not given.
    /// </summary>
    public abstract class AdsFieldsCmdlet<T> : AdsWriteCmdlet<T>
        where T : AdsEntity
    {
        /// <summary>The name (required to create a campaign or an ad group).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public string? Name { get; set; }

        /// <summary>ACTIVE (Pinterest's default), PAUSED, ARCHIVED, DRAFT or DELETED_DRAFT.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        [ArgumentCompleter(typeof(SpecValueCompleter))]
        public string? Status { get; set; }

        /// <summary>Third-party tracking URLs by event: impression, click, engagement, buyable_button, audience_verification.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [PlainData]
        public object? TrackingUrls { get; set; }
    }

    /// <summary>Fields of campaigns and ad groups, which also have a schedule.</summary>
    public abstract class ScheduledFieldsCmdlet<T> : AdsFieldsCmdlet<T>
        where T : AdsEntity
    {
        /// <summary>When ads start to run (sent as Unix seconds); text without an offset is local time.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [TimeTransformation]
        public DateTime? StartTime { get; set; }

        /// <summary>When ads stop running (sent as Unix seconds); must follow -StartTime.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [TimeTransformation]
        public DateTime? EndTime { get; set; }
    }
}
