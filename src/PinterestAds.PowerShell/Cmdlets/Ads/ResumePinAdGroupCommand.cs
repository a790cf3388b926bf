using System.Management.Automation;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Batching;
using PinterestAds.PowerShell.Ads;
using PinterestAds.PowerShell.Cmdlets.Ads.Parameters;
using PinterestAds.PowerShell.Completion;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Resumes paused ad groups (status ACTIVE); pipelined ones go out 30 to a request.</summary>
    [Cmdlet(VerbsLifecycle.Resume, "PinAdGroup", SupportsShouldProcess = true)]
    [OutputType(typeof(AdGroup))]
    public sealed class ResumePinAdGroupCommand : StatusAdsCmdlet
    {
        private AdsWriter<AdGroup> _writer = null!;

        /// <summary>The id of the ad group to resume.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("AdGroupId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AdGroupIdCompleter))]
        public string Id { get; set; } = null!;

        protected override void BeginProcessing() => _writer = new AdsWriter<AdGroup>(this, WriteKind.Update, PassThru);

        protected override void ProcessRecord() => _writer.SetStatus(StatusChange.Resume, nameof(Id), Id, IdempotencyKey);

        protected override void EndProcessing() => _writer.Complete();
    }
}
