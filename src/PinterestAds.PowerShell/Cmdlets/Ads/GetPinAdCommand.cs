using System.Management.Automation;
using PinterestAds.Core.Ads;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Lists the ads of an ad account (ACTIVE and PAUSED unless -Status says otherwise), or gets some by id.</summary>
    [Cmdlet(VerbsCommon.Get, "PinAd", SupportsPaging = true)]
    [OutputType(typeof(Ad))]
    public sealed class GetPinAdCommand : GetAdsCmdlet<Ad>
    {
        /// <summary>Ids of the ads to get, whatever their status.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("AdId")]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        /// <summary>Lists the ads of these campaigns.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? CampaignId { get; set; }

        /// <summary>Lists the ads of these ad groups.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? AdGroupId { get; set; }

        private protected override void AddFilters(AdsListQuery query)
        {
            query.Ids = IdsFor(nameof(Id), Id, AdsKind.Ad);
            query.AdGroupIds = IdsFor(nameof(AdGroupId), AdGroupId, AdsKind.AdGroup);
            query.CampaignIds = IdsFor(nameof(CampaignId), CampaignId, AdsKind.Campaign);
        }
    }
}
