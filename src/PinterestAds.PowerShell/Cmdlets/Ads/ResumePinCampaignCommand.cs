using System.Management.Automation;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Batching;
using PinterestAds.PowerShell.Ads;
using PinterestAds.PowerShell.Cmdlets.Ads.Parameters;
using PinterestAds.PowerShell.Completion;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Resumes paused campaigns (status ACTIVE); pipelined ones go out 30 to a request.</summary>
    [Cmdlet(VerbsLifecycle.Resume, "PinCampaign", SupportsShouldProcess = true)]
    [OutputType(typeof(Campaign))]
    public sealed class ResumePinCampaignCommand : StatusAdsCmdlet
    {
        private AdsWriter<Campaign> _writer = null!;

        /// <summary>The id of the campaign to resume.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CampaignId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CampaignIdCompleter))]
        public string Id { get; set; } = null!;

        protected override void BeginProcessing() => _writer = new AdsWriter<Campaign>(this, WriteKind.Update, PassThru);

        protected override void ProcessRecord() => _writer.SetStatus(StatusChange.Resume, nameof(Id), Id, IdempotencyKey);

        protected override void EndProcessing() => _writer.Complete();
    }
}
