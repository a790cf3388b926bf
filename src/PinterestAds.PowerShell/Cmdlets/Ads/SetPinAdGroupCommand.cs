using System.Management.Automation;
using System.Text.Json.Nodes;
using PinterestAds.Core.Ads;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Changes ad groups: only the properties given are sent; pipelined ones go out 30 to a request.</summary>
    [Cmdlet(VerbsCommon.Set, "PinAdGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(AdGroup))]
    public sealed class SetPinAdGroupCommand : AdGroupFieldsCmdlet
    {
        /// <summary>The id of the ad group to change.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("AdGroupId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = null!;

        /// <summary>Returns the updated ad group.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        private protected override WriteKind Kind => WriteKind.Update;

        private protected override JsonObject BuildBody() => AdGroupRequests.Update(AdAccountId, UpdateTargetId(Id), this);
    }
}
