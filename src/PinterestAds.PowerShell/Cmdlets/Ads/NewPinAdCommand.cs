using System.Management.Automation;
using System.Text.Json.Nodes;
using PinterestAds.Core.Ads;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Creates ads; pipelined ones go out 30 to a request per ad account, and come back in input order.</summary>
    [Cmdlet(VerbsCommon.New, "PinAd", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Ad))]
    public sealed class NewPinAdCommand : AdFieldsCmdlet
    {
        /// <summary>The ad group the ad belongs to.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string AdGroupId { get; set; } = null!;

        /// <summary>The pin to promote.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string PinId { get; set; } = null!;

        /// <summary>REGULAR, VIDEO, SHOPPING, CAROUSEL, … (the spec's creative_type).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(SpecValueCompleter))]
        public override string? CreativeType { get; set; }

        private protected override WriteKind Kind => WriteKind.Create;

        private protected override JsonObject BuildBody() => AdRequests.Create(AdAccountId, IdFor(nameof(AdGroupId), AdGroupId, AdsKind.AdGroup), PinId, this);
    }
}
