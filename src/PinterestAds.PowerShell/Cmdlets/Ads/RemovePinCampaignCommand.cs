using System.Management.Automation;
using PinterestAds.Core.Ads;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Archives campaigns (status ARCHIVED): Pinterest has no delete, so nothing is ever sent as DELETE.</summary>
    [Cmdlet(VerbsCommon.Remove, "PinCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Campaign))]
    public sealed class RemovePinCampaignCommand : RemoveAdsCmdlet<Campaign>
    {
        /// <summary>The id of the campaign to archive.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CampaignId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = null!;

        private protected override string BoundId => Id;
    }
}
