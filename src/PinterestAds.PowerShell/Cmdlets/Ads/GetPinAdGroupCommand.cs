using System.Management.Automation;
using PinterestAds.Core.Ads;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Lists the ad groups of an ad account (ACTIVE and PAUSED unless -Status says otherwise), or gets some by id.</summary>
    [Cmdlet(VerbsCommon.Get, "PinAdGroup", SupportsPaging = true)]
    [OutputType(typeof(AdGroup))]
    public sealed class GetPinAdGroupCommand : GetAdsCmdlet<AdGroup>
    {
        /// <summary>Ids of the ad groups to get, whatever their status.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("AdGroupId")]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        /// <summary>Lists the ad groups of these campaigns.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string[]? CampaignId { get; set; }

        private protected override void AddFilters(AdsListQuery query)
        {
            query.Ids = IdsFor(nameof(Id), Id, AdsKind.AdGroup);
            query.CampaignIds = IdsFor(nameof(CampaignId), CampaignId, AdsKind.Campaign);
        }
    }
}
