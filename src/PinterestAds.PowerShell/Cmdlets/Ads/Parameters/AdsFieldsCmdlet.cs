using System.Management.Automation;
using PinterestAds.PowerShell.Binding;

namespace PinterestAds.PowerShell.Cmdlets.Ads.Parameters
{
    /// <summary>
    /// The fields every New-/Set- of campaigns, ad groups and ads has. Set- sends only the fields
    /// given; blank CSV cells count as not given. A field that a create needs (Name, ObjectiveType,
    /// BillableEvent, CreativeType) is declared by each New- and Set- cmdlet itself: Mandatory on
    /// New-, optional on Set-.
    /// </summary>
    public abstract class AdsFieldsCmdlet : AdsCmdlet
    {
        /// <summary>ACTIVE (Pinterest's default), PAUSED, ARCHIVED, DRAFT or DELETED_DRAFT.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        [ArgumentCompleter(typeof(SpecValueCompleter))]
        public string? Status { get; set; }

        /// <summary>Third-party tracking URLs by event: impression, click, engagement, buyable_button, audience_verification.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [PlainData]
        public object? TrackingUrls { get; set; }

        /// <summary>
        /// Names this write for Pinterest (Idempotency-Key) and the journal: running the command again
        /// with the same key and input returns the first result instead of writing twice.
        /// </summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public string? IdempotencyKey { get; set; }
    }
}
