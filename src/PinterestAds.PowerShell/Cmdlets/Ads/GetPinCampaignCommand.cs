using System.Management.Automation;
using PinterestAds.Core.Ads;
using PinterestAds.PowerShell.Ads;
using PinterestAds.PowerShell.Cmdlets.Ads.Parameters;
using PinterestAds.PowerShell.Completion;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Lists the campaigns of an ad account (ACTIVE and PAUSED unless -Status says otherwise), or gets some by id.</summary>
    [Cmdlet(VerbsCommon.Get, "PinCampaign", SupportsPaging = true)]
    [OutputType(typeof(Campaign))]
    public sealed class GetPinCampaignCommand : GetAdsCmdlet
    {
        private AdsLister<Campaign> _lister = null!;

        /// <summary>Ids of the campaigns to get, whatever their status.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CampaignId", "CampaignIds")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CampaignIdCompleter))]
        public string[]? Id { get; set; }

        protected override void BeginProcessing() => _lister = new AdsLister<Campaign>(this);

        protected override void ProcessRecord() => _lister.List((input, query) => query.Ids = input.Ids(nameof(Id), Id, AdsKind.Campaign));
    }
}
