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
    /// <summary>Changes ad groups: only the properties given are sent; pipelined ones go out 30 to a request.</summary>
    [Cmdlet(VerbsCommon.Set, "PinAdGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(AdGroup))]
    public sealed class SetPinAdGroupCommand : AdGroupFieldsCmdlet, IAdGroupFields
    {
        private AdsWriter<AdGroup> _writer = null!;

        /// <summary>The id of the ad group to change.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("AdGroupId")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(AdGroupIdCompleter))]
        public string Id { get; set; } = null!;

        /// <summary>Returns the updated ad group.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>The ad group's new name.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public string? Name { get; set; }

        /// <summary>What is paid for: CLICKTHROUGH, IMPRESSION or VIDEO_V_50_MRC (drafts only, once created).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        [ArgumentCompleter(typeof(SpecValueCompleter))]
        public string? BillableEvent { get; set; }

        protected override void BeginProcessing()
        {
            _writer = new AdsWriter<AdGroup>(this, WriteKind.Update, PassThru);
        }

        protected override void ProcessRecord() =>
            _writer.Add(Id, IdempotencyKey, input => AdGroupRequests.Update(input.AdAccountId, input.UpdateId(nameof(Id), Id), input.Fields<IAdGroupFields>(this, AdGroupInput.CopyOf(this, input.OnCommandLine))));

        protected override void EndProcessing() => _writer.Complete();
    }
}
