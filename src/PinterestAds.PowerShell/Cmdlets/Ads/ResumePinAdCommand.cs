using System.Management.Automation;
using PinterestAds.Core.Ads;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Resumes paused ads (status ACTIVE); pipelined ones go out 30 to a request.</summary>
    [Cmdlet(VerbsLifecycle.Resume, "PinAd", SupportsShouldProcess = true)]
    [OutputType(typeof(Ad))]
    public sealed class ResumePinAdCommand : ResumeAdsCmdlet<Ad>
    {
        /// <summary>The id of the ad to resume.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("AdId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = null!;

        private protected override string BoundId => Id;
    }
}
