using System.Management.Automation;
using PinterestAds.Core.Ads;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Archives ads (status ARCHIVED): Pinterest has no delete, so nothing is ever sent as DELETE.</summary>
    [Cmdlet(VerbsCommon.Remove, "PinAd", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
    [OutputType(typeof(Ad))]
    public sealed class RemovePinAdCommand : RemoveAdsCmdlet<Ad>
    {
        /// <summary>The id of the ad to archive.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("AdId")]
        [ValidateNotNullOrEmpty]
        public string Id { get; set; } = null!;

        private protected override string BoundId => Id;
    }
}
