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
        private protected override WriteKind Kind => WriteKind.Create;

        private protected override JsonObject BuildBody() => CampaignRequests.Create(AdAccountId, Input());
    }
}
