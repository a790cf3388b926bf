using System.Management.Automation;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Batching;
using PinterestAds.Core.Ads.Inputs;
using PinterestAds.PowerShell.Ads;
using PinterestAds.PowerShell.Binding;
using PinterestAds.PowerShell.Cmdlets.Ads.Parameters;
using PinterestAds.PowerShell.Completion;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Changes campaigns: only the properties given are sent; pipelined ones go out 30 to a request.</summary>
    [Cmdlet(VerbsCommon.Set, "PinCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Campaign))]
    public sealed class SetPinCampaignCommand : CampaignFieldsCmdlet, ICampaignFields
    {
        private AdsWriter<Campaign> _writer = null!;

        /// <summary>The id of the campaign to change.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CampaignId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CampaignIdCompleter))]
        public string Id { get; set; } = null!;

        /// <summary>Returns the updated campaign.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The campaign's new name.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public string? Name { get; set; }

        /// <summary>AWARENESS, CONSIDERATION, WEB_CONVERSION, CATALOG_SALES or VIDEO_COMPLETION.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Objective")]
        [OptionalText]
        [ArgumentCompleter(typeof(SpecValueCompleter))]
        public string? ObjectiveType { get; set; }

        protected override void BeginProcessing()
        {
            _writer = new AdsWriter<Campaign>(this, WriteKind.Update, PassThru);
        }

        protected override void ProcessRecord() =>
            _writer.Add(Id, IdempotencyKey, input => CampaignRequests.Update(input.AdAccountId, input.UpdateId(nameof(Id), Id), input.Fields<ICampaignFields>(this, CampaignInput.CopyOf(this, input.OnCommandLine))));

        protected override void EndProcessing() => _writer.Complete();
    }
}
