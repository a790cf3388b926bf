using System.Management.Automation;
using PinterestAds.Core.Ads;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Pauses ad groups (status PAUSED); pipelined ones go out 30 to a request.</summary>
    [Cmdlet(VerbsLifecycle.Suspend, "PinAdGroup", SupportsShouldProcess = true)]
    [OutputType(typeof(AdGroup))]
    public sealed class SuspendPinAdGroupCommand : SuspendAdsCmdlet<AdGroup>
    {
        /// <summary>The id of the ad group to pause.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("AdGroupId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = null!;

        private protected override string BoundId => Id;
    }
}
