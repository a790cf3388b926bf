using System.Management.Automation;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Batching;
using PinterestAds.Core.Ads.Inputs;
using PinterestAds.PowerShell.Ads;
using PinterestAds.PowerShell.Binding;
using PinterestAds.PowerShell.Cmdlets.Ads.Parameters;
using PinterestAds.PowerShell.Completion;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>Creates ads; pipelined ones go out 30 to a request per ad account, and come back in input order.</summary>
    [Cmdlet(VerbsCommon.New, "PinAd", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Ad))]
    public sealed class NewPinAdCommand : AdFieldsCmdlet, IAdFields
    {
        private AdsWriter<Ad> _writer = null!;

        /// <summary>The ad group the ad belongs to.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AdGroupIdCompleter))]
        public string AdGroupId { get; set; } = null!;

        /// <summary>The pin to promote.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(PinIdCompleter))]
        public string PinId { get; set; } = null!;

        /// <summary>REGULAR, VIDEO, SHOPPING, CAROUSEL, … (the spec's creative_type).</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(SpecValueCompleter))]
        public string CreativeType { get; set; } = null!;

        protected override void BeginProcessing()
        {
            _writer = new AdsWriter<Ad>(this, WriteKind.Create, wantResults: true);
        }

        protected override void ProcessRecord() =>
            _writer.Add(Name ?? PinId, IdempotencyKey, input => AdRequests.Create(
                input.AdAccountId,
                input.Id(nameof(AdGroupId), AdGroupId, AdsKind.AdGroup),
                PinterestId.Parse(nameof(PinId), PinId),
                input.Fields<IAdFields>(this, AdInput.CopyOf(this, input.OnCommandLine))));

        protected override void EndProcessing() => _writer.Complete();
    }
}
