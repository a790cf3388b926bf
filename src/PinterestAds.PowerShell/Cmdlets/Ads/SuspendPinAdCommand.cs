using System.Management.Automation;
using PinterestAds.Core.Ads;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Pauses ads (status PAUSED); pipelined ones go out 30 to a request.</summary>
    [Cmdlet(VerbsLifecycle.Suspend, "PinAd", SupportsShouldProcess = true)]
    [OutputType(typeof(Ad))]
    public sealed class SuspendPinAdCommand : SuspendAdsCmdlet<Ad>
    {
        /// <summary>The id of the ad to pause.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("AdId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = null!;

        private protected override string BoundId => Id;
    }
}
