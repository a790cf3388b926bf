using System.Management.Automation;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Batching;
using PinterestAds.Core.Ads.Inputs;
using PinterestAds.PowerShell.Ads;
using PinterestAds.PowerShell.Binding;
using PinterestAds.PowerShell.Cmdlets.Ads.Parameters;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Creates campaigns; pipelined ones go out 30 to a request per ad account, and come back in input order.</summary>
    [Cmdlet(VerbsCommon.New, "PinCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Campaign))]
    public sealed class NewPinCampaignCommand : CampaignFieldsCmdlet, ICampaignFields
    {
        private AdsWriter<Campaign> _writer = null!;

        /// <summary>The campaign's name.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string Name { get; set; } = null!;

        /// <summary>AWARENESS, CONSIDERATION, WEB_CONVERSION, CATALOG_SALES or VIDEO_COMPLETION.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Objective")]
        [ArgumentCompleter(typeof(SpecValueCompleter))]
        public string ObjectiveType { get; set; } = null!;

        protected override void BeginProcessing()
        {
            _writer = new AdsWriter<Campaign>(this, WriteKind.Create, wantResults: true);
        }

        protected override void ProcessRecord() =>
            _writer.Add(Name, IdempotencyKey, input => CampaignRequests.Create(input.AdAccountId, input.Fields<ICampaignFields>(this, CampaignInput.CopyOf(this, input.OnCommandLine))));

        protected override void EndProcessing() => _writer.Complete();
    }
}
