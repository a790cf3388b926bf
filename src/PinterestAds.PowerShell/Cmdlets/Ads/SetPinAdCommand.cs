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
    /// <summary>Changes ads: only the properties given are sent; pipelined ones go out 30 to a request.</summary>
    [Cmdlet(VerbsCommon.Set, "PinAd", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Ad))]
    public sealed class SetPinAdCommand : AdFieldsCmdlet, IAdFields
    {
        private AdsWriter<Ad> _writer = null!;

        /// <summary>The id of the ad to change.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("AdId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AdIdCompleter))]
        public string Id { get; set; } = null!;

        /// <summary>Returns the updated ad.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>REGULAR, VIDEO, SHOPPING, CAROUSEL, … (the spec's creative_type).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        [ArgumentCompleter(typeof(SpecValueCompleter))]
        public string? CreativeType { get; set; }

        protected override void BeginProcessing()
        {
            _writer = new AdsWriter<Ad>(this, WriteKind.Update, PassThru);
        }

        protected override void ProcessRecord() =>
            _writer.Add(Id, IdempotencyKey, input => AdRequests.Update(input.AdAccountId, input.UpdateId(nameof(Id), Id), input.Fields<IAdFields>(this, AdInput.CopyOf(this, input.OnCommandLine))));

        protected override void EndProcessing() => _writer.Complete();
    }
}
