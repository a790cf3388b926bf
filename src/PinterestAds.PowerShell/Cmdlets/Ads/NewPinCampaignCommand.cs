using System.Management.Automation;
using System.Text.Json.Nodes;
using PinterestAds.Core.Ads;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Creates campaigns; pipelined ones go out 30 to a request per ad account, and come back in input order.</summary>
    [Cmdlet(VerbsCommon.New, "PinCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Campaign))]
    public sealed class NewPinCampaignCommand : CampaignFieldsCmdlet
    {
        /// <summary>The campaign's name.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public override string? Name { get; set; }

        /// <summary>AWARENESS, CONSIDERATION, WEB_CONVERSION, CATALOG_SALES or VIDEO_COMPLETION.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(SpecValueCompleter))]
        public override string? ObjectiveType { get; set; }

        private protected override WriteKind Kind => WriteKind.Create;

        private protected override JsonObject BuildBody() => CampaignRequests.Create(AdAccountId, this);
    }
}
