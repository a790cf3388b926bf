using System.Management.Automation;
using System.Text.Json.Nodes;
using PinterestAds.Core.Ads;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Creates ad groups; pipelined ones go out 30 to a request per ad account, and come back in input order.</summary>
    [Cmdlet(VerbsCommon.New, "PinAdGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(AdGroup))]
    public sealed class NewPinAdGroupCommand : AdGroupFieldsCmdlet
    {
        /// <summary>The campaign the ad group belongs to.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string CampaignId { get; set; } = null!;

        /// <summary>The ad group's name.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public override string? Name { get; set; }

        /// <summary>What is paid for: CLICKTHROUGH, IMPRESSION or VIDEO_V_50_MRC.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(SpecValueCompleter))]
        public override string? BillableEvent { get; set; }

        private protected override WriteKind Kind => WriteKind.Create;

        private protected override JsonObject BuildBody() => AdGroupRequests.Create(AdAccountId, IdFor(nameof(CampaignId), CampaignId, AdsKind.Campaign), this);
    }
}
