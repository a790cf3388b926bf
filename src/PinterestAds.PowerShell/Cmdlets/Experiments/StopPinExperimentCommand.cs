using System.Management.Automation;
using PinterestAds.Core.Experiments;
using PinterestAds.PowerShell.Cmdlets.Experiments.Parameters;
using PinterestAds.PowerShell.Completion;
using PinterestAds.PowerShell.Experiments;

namespace PinterestAds.PowerShell.Cmdlets.Experiments
{
    /// <summary>Ends an experiment: the winner stays ACTIVE, every other variant is paused (or archived with -Archive), in one request.</summary>
    [Cmdlet(VerbsLifecycle.Stop, "PinExperiment", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Experiment))]
    public sealed class StopPinExperimentCommand : ExperimentSwitchCmdlet
    {
        /// <summary>The variant that keeps running (case is ignored).</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(VariantNameCompleter))]
        public string Winner { get; set; } = null!;

        /// <summary>Archives the other variants instead of pausing them. Pinterest has no delete, and archiving cannot be undone.</summary>
        [Parameter]
        public SwitchParameter Archive { get; set; }

        protected override void ProcessRecord()
        {
            string others = Archive ? "archive the other variants (archiving cannot be undone)" : "pause the other variants";
            if (!ShouldProcess($"experiment '{Experiment}' in ad account {AdAccountId}", $"Stop: keep '{Winner}' ACTIVE and {others}"))
            {
                return;
            }

            var context = Core.Connection(Context);
            Core.RunForItem(Experiment, async (bridge, ct) =>
            {
                var experiment = await ExperimentSwitch.StopAsync(context, Named(), Winner, Archive, IdempotencyKey, PassThru, bridge, ct).ConfigureAwait(false);
                if (PassThru)
                {
                    bridge.Output(ExperimentOutput.Wrap(experiment));
                }
            });
        }
    }
}
