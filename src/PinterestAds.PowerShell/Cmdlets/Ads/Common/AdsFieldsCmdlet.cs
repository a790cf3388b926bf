using System;
using System.Management.Automation;
using PinterestAds.Core.Ads;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>
    /// Fields every New-/Set- of campaigns, ad groups and ads has. Set- sends only the fields
    /// given; blank CSV cells count as not given.
    /// A field a create needs is declared optional here and virtual; the New- cmdlet overrides it
    /// with [Parameter(Mandatory = true)], so help, tab completion and PowerShell's own
    /// prompt-or-error show it as required there while Set- keeps it optional. PowerShell reads
    /// only the attributes of the most derived declaration; Mandatory alone refuses a null or empty
    /// value (a blank CSV cell), so the override needs no [OptionalText]. Core still refuses a
    /// missing one for callers that are not PowerShell.
    /// </summary>
    public abstract class AdsFieldsCmdlet<T> : AdsWriteCmdlet<T>
        where T : AdsEntity
    {
        /// <summary>The name (required to create a campaign or an ad group: their New- cmdlets override it as Mandatory).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public virtual string? Name { get; set; }

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
