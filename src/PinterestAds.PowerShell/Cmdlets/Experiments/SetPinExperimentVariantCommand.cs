using System.Management.Automation;
using PinterestAds.Core.Experiments;
using PinterestAds.PowerShell.Cmdlets.Experiments.Parameters;
using PinterestAds.PowerShell.Completion;
using PinterestAds.PowerShell.Experiments;

namespace PinterestAds.PowerShell.Cmdlets.Experiments
{
    /// <summary>The runner's toggle: sets one variant's ad group ACTIVE or PAUSED.</summary>
    [Cmdlet(VerbsCommon.Set, "PinExperimentVariant", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ExperimentVariant))]
    public sealed class SetPinExperimentVariantCommand : ExperimentSwitchCmdlet
    {
        /// <summary>The variant's name (case is ignored).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(VariantNameCompleter))]
        public string Variant { get; set; } = null!;

        /// <summary>ACTIVE runs the variant, PAUSED stops its delivery. Never taken from a piped object, whose Status is what it is now.</summary>
        [Parameter(Mandatory = true)]
        [ValidateSet("ACTIVE", "PAUSED", IgnoreCase = true)]
        public string Status { get; set; } = null!;

        protected override void ProcessRecord()
        {
            string status = Status.ToUpperInvariant();
            if (!ShouldProcess($"variant '{Variant}' of experiment '{Experiment}' in ad account {AdAccountId}", $"Set status {status}"))
            {
                return;
            }

            var context = Core.Connection(Context);
            Core.RunForItem(Variant, async (bridge, ct) =>
            {
                var variant = await ExperimentSwitch.SetVariantAsync(context, Named(), Variant, status, IdempotencyKey, PassThru, bridge, ct).ConfigureAwait(false);
                if (PassThru)
                {
                    bridge.Output(ExperimentOutput.Wrap(variant));
                }
            });
        }
    }
}
