using System;
using System.Management.Automation;
using PinterestAds.Core.Experiments.Results;
using PinterestAds.Core.Experiments.Statistics;
using PinterestAds.PowerShell.Cmdlets.Experiments.Parameters;
using PinterestAds.PowerShell.Experiments;

namespace PinterestAds.PowerShell.Cmdlets.Experiments
{
    /// <summary>
    /// How each variant of an experiment performs and whether it beat the control: every variant's
    /// ad-group analytics in one request (per 90 days), a 95 % interval, the lift, a z-test against
    /// the control with Holm's adjustment across the treatments, and a verdict.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PinExperimentResult")]
    [OutputType(typeof(VariantResult))]
    public sealed class GetPinExperimentResultCommand : NamedExperimentCmdlet
    {
        /// <summary>First UTC day; default the day the experiment was made.</summary>
        [Parameter]
        public DateTime? StartDate { get; set; }

        /// <summary>Last UTC day; default today.</summary>
        [Parameter]
        public DateTime? EndDate { get; set; }

        /// <summary>The rate the variants are judged on: Ctr (clicks per impression, the default) or ConversionRate (conversions per click).</summary>
        [Parameter]
        public ExperimentMetric Metric { get; set; } = ExperimentMetric.Ctr;

        protected override void ProcessRecord()
        {
            var context = Core.Connection(Context);
            Core.RunForItem(Experiment, async (bridge, ct) =>
            {
                var query = new ExperimentResultQuery(Named()) { StartDate = StartDate, EndDate = EndDate, Metric = Metric };
                var results = await ExperimentResults.ReadAsync(context, query, bridge, ct).ConfigureAwait(false);
                foreach (var result in ExperimentOutput.Wrap(results))
                {
                    bridge.Output(result);
                }
            });
        }
    }
}
