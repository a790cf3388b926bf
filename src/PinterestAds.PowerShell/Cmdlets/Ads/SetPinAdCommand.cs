using System.Management.Automation;
using System.Text.Json.Nodes;
using PinterestAds.Core.Ads;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Changes ads: only the properties given are sent; pipelined ones go out 30 to a request.</summary>
    [Cmdlet(VerbsCommon.Set, "PinAd", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Ad))]
    public sealed class SetPinAdCommand : AdFieldsCmdlet
    {
        /// <summary>The id of the ad to change.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("AdId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = null!;

        /// <summary>Returns the updated ad.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override WriteKind Kind => WriteKind.Update;

        private protected override JsonObject BuildBody() => AdRequests.Update(AdAccountId, UpdateTargetId(Id), this);
    }
}
