using System.Management.Automation;
using PinterestAds.Core.Experiments;

namespace PinterestAds.PowerShell.Experiments
{
    /// <summary>
    /// Experiments and variants as PowerShell sees them: the type names the table views select
    /// (PinterestAds.Experiment, PinterestAds.ExperimentVariant), and on an experiment an
    /// <c>Experiment</c> alias of its name, so it binds to -Experiment down the pipeline:
    /// <c>Get-PinExperiment … | Stop-PinExperiment -Winner B</c>.
    /// </summary>
    internal static class ExperimentOutput
    {
        public static PSObject Wrap(Experiment experiment)
        {
            var output = new PSObject(experiment);
            output.TypeNames.Insert(0, "PinterestAds.Experiment");
            output.Properties.Add(new PSAliasProperty(nameof(ExperimentVariant.Experiment), nameof(Experiment.Name)));
            return output;
        }

        public static PSObject Wrap(ExperimentVariant variant)
        {
            var output = new PSObject(variant);
            output.TypeNames.Insert(0, "PinterestAds.ExperimentVariant");
            return output;
        }
    }
}
