using System.Management.Automation;
using PinterestAds.Core.Ads;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Resumes paused ad groups (status ACTIVE); pipelined ones go out 30 to a request.</summary>
    [Cmdlet(VerbsLifecycle.Resume, "PinAdGroup", SupportsShouldProcess = true)]
    [OutputType(typeof(AdGroup))]
    public sealed class ResumePinAdGroupCommand : ResumeAdsCmdlet<AdGroup>
    {
        /// <summary>The id of the ad group to resume.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("AdGroupId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = null!;

        private protected override string BoundId => Id;
    }
}
