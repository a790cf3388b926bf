using System.Management.Automation;
using System.Text.Json.Nodes;
using PinterestAds.Core.Ads;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Changes campaigns: only the properties given are sent; pipelined ones go out 30 to a request.</summary>
    [Cmdlet(VerbsCommon.Set, "PinCampaign", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Campaign))]
    public sealed class SetPinCampaignCommand : CampaignFieldsCmdlet
    {
        /// <summary>The id of the campaign to change.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("CampaignId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = null!;

        /// <summary>Returns the updated campaign.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override WriteKind Kind => WriteKind.Update;

        private protected override JsonObject BuildBody() => CampaignRequests.Update(AdAccountId, UpdateTargetId(Id), this);
    }
}
