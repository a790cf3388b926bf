using System.Management.Automation;
using PinterestAds.Core.Ads;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Lists the campaigns of an ad account (ACTIVE and PAUSED unless -Status says otherwise), or gets some by id.</summary>
    [Cmdlet(VerbsCommon.Get, "PinCampaign", SupportsPaging = true)]
    [OutputType(typeof(Campaign))]
    public sealed class GetPinCampaignCommand : GetAdsCmdlet<Campaign>
    {
        /// <summary>Ids of the campaigns to get, whatever their status.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CampaignId")]
        [ValidateNotNullOrEmpty]
        public string[]? Id { get; set; }

        private protected override void AddFilters(AdsListQuery query)
        {
            query.Ids = IdsFor(nameof(Id), Id, AdsKind.Campaign);
        }
    }
}
