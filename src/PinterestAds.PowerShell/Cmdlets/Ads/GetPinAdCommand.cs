using System.Management.Automation;
using PinterestAds.Core.Ads;
using PinterestAds.PowerShell.Ads;
using PinterestAds.PowerShell.Cmdlets.Ads.Parameters;
using PinterestAds.PowerShell.Completion;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Lists the ads of an ad account (ACTIVE and PAUSED unless -Status says otherwise), or gets some by id.</summary>
    [Cmdlet(VerbsCommon.Get, "PinAd", SupportsPaging = true)]
    [OutputType(typeof(Ad))]
    public sealed class GetPinAdCommand : GetAdsCmdlet
    {
        private AdsLister<Ad> _lister = null!;

        /// <summary>Ids of the ads to get, whatever their status.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("AdId", "AdIds")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AdIdCompleter))]
        public string[]? Id { get; set; }

        /// <summary>Lists the ads of these campaigns.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("CampaignIds")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CampaignIdCompleter))]
        public string[]? CampaignId { get; set; }

        /// <summary>Lists the ads of these ad groups.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("AdGroupIds")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AdGroupIdCompleter))]
        public string[]? AdGroupId { get; set; }

        protected override void BeginProcessing() => _lister = new AdsLister<Ad>(this);

        protected override void ProcessRecord() => _lister.List((input, query) =>
        {
            query.Ids = input.Ids(nameof(Id), Id, AdsKind.Ad);
            query.AdGroupIds = input.Ids(nameof(AdGroupId), AdGroupId, AdsKind.AdGroup);
            query.CampaignIds = input.Ids(nameof(CampaignId), CampaignId, AdsKind.Campaign);
        });
    }
}
