using System.Management.Automation;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Batching;
using PinterestAds.PowerShell.Ads;
using PinterestAds.PowerShell.Cmdlets.Ads.Parameters;
using PinterestAds.PowerShell.Completion;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Archives ads (status ARCHIVED): Pinterest has no delete, so nothing is ever sent as DELETE.</summary>
    [Cmdlet(VerbsCommon.Remove, "PinAd", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Ad))]
    public sealed class RemovePinAdCommand : StatusAdsCmdlet
    {
        private AdsWriter<Ad> _writer = null!;

        /// <summary>The id of the ad to archive.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("AdId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AdIdCompleter))]
        public string Id { get; set; } = null!;

        /// <summary>Archives without asking for confirmation (not past -WhatIf or an explicit -Confirm).</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        protected override void BeginProcessing() => _writer = new AdsWriter<Ad>(this, WriteKind.Update, PassThru, Force);

        protected override void ProcessRecord() => _writer.SetStatus(StatusChange.Archive, nameof(Id), Id, IdempotencyKey);

        protected override void EndProcessing() => _writer.Complete();
    }
}
