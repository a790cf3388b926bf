using System.Management.Automation;
using PinterestAds.Core.Ads;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Pauses campaigns (status PAUSED); pipelined ones go out 30 to a request.</summary>
    [Cmdlet(VerbsLifecycle.Suspend, "PinCampaign", SupportsShouldProcess = true)]
    [OutputType(typeof(Campaign))]
    public sealed class SuspendPinCampaignCommand : SuspendAdsCmdlet<Campaign>
    {
        /// <summary>The id of the campaign to pause.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CampaignId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = null!;

        private protected override string BoundId => Id;
    }
}
