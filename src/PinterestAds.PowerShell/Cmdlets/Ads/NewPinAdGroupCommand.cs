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
    /// <summary>Creates ad groups; pipelined ones go out 30 to a request per ad account, and come back in input order.</summary>
    [Cmdlet(VerbsCommon.New, "PinAdGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(AdGroup))]
    public sealed class NewPinAdGroupCommand : AdGroupFieldsCmdlet, IAdGroupFields
    {
        private AdsWriter<AdGroup> _writer = null!;

        /// <summary>The campaign the ad group belongs to.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CampaignIdCompleter))]
        public string CampaignId { get; set; } = null!;

        /// <summary>The ad group's name.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string Name { get; set; } = null!;

        /// <summary>What is paid for: CLICKTHROUGH, IMPRESSION or VIDEO_V_50_MRC.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(SpecValueCompleter))]
        public string BillableEvent { get; set; } = null!;

        protected override void BeginProcessing()
        {
            _writer = new AdsWriter<AdGroup>(this, WriteKind.Create, wantResults: true);
        }

        protected override void ProcessRecord() =>
            _writer.Add(Name, IdempotencyKey, input => AdGroupRequests.Create(
                input.AdAccountId,
                input.Id(nameof(CampaignId), CampaignId, AdsKind.Campaign),
                input.Fields<IAdGroupFields>(this, AdGroupInput.CopyOf(this, input.OnCommandLine))));

        protected override void EndProcessing() => _writer.Complete();
    }
}
