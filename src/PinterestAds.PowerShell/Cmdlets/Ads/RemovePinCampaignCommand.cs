using System.Management.Automation;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Batching;
using PinterestAds.PowerShell.Ads;
using PinterestAds.PowerShell.Cmdlets.Ads.Parameters;
using PinterestAds.PowerShell.Completion;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Archives campaigns (status ARCHIVED): Pinterest has no delete, so nothing is ever sent as DELETE.</summary>
    [Cmdlet(VerbsCommon.Remove, "PinCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Campaign))]
    public sealed class RemovePinCampaignCommand : StatusAdsCmdlet
    {
        private AdsWriter<Campaign> _writer = null!;

        /// <summary>The id of the campaign to archive.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CampaignId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CampaignIdCompleter))]
        public string Id { get; set; } = null!;

        /// <summary>Archives without asking for confirmation (not past -WhatIf or an explicit -Confirm).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing() => _writer = new AdsWriter<Campaign>(this, WriteKind.Update, PassThru, Force);

        protected override void ProcessRecord() => _writer.SetStatus(StatusChange.Archive, nameof(Id), Id, IdempotencyKey);

        protected override void EndProcessing() => _writer.Complete();
    }
}
