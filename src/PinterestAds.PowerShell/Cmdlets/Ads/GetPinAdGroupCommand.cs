using System.Management.Automation;
using PinterestAds.Core.Ads;
using PinterestAds.PowerShell.Ads;
using PinterestAds.PowerShell.Cmdlets.Ads.Parameters;
using PinterestAds.PowerShell.Completion;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Lists the ad groups of an ad account (ACTIVE and PAUSED unless -Status says otherwise), or gets some by id.</summary>
    [Cmdlet(VerbsCommon.Get, "PinAdGroup", SupportsPaging = true)]
    [OutputType(typeof(AdGroup))]
    public sealed class GetPinAdGroupCommand : GetAdsCmdlet
    {
        private AdsLister<AdGroup> _lister = null!;

        /// <summary>Ids of the ad groups to get, whatever their status.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("AdGroupId", "AdGroupIds")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AdGroupIdCompleter))]
        public string[]? Id { get; set; }

        /// <summary>Lists the ad groups of these campaigns.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("CampaignIds")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(CampaignIdCompleter))]
        public string[]? CampaignId { get; set; }

        protected override void BeginProcessing() => _lister = new AdsLister<AdGroup>(this);

        protected override void ProcessRecord() => _lister.List((input, query) =>
        {
            query.Ids = input.Ids(nameof(Id), Id, AdsKind.AdGroup);
            query.CampaignIds = input.Ids(nameof(CampaignId), CampaignId, AdsKind.Campaign);
        });
    }
}
