using System.Management.Automation;
using PinterestAds.Core.Ads;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Archives ad groups (status ARCHIVED): Pinterest has no delete, so nothing is ever sent as DELETE.</summary>
    [Cmdlet(VerbsCommon.Remove, "PinAdGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(AdGroup))]
    public sealed class RemovePinAdGroupCommand : RemoveAdsCmdlet<AdGroup>
    {
        /// <summary>The id of the ad group to archive.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("AdGroupId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = null!;

        private protected override string BoundId => Id;
    }
}
