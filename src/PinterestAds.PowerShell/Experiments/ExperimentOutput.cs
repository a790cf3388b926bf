using System.Collections.Generic;
using System.Management.Automation;
using PinterestAds.Core.Experiments;
using PinterestAds.Core.Experiments.Results;
using PinterestAds.Core.Experiments.Statistics;

namespace PinterestAds.PowerShell.Experiments
{
    /// <summary>
    /// Experiments and variants as PowerShell sees them: the type names the table views select
    /// (PinterestAds.Experiment, PinterestAds.ExperimentVariant), and on an experiment an
    /// <c>Experiment</c> alias of its name, so it binds to -Experiment down the pipeline:
    /// <c>Get-PinExperiment … | Stop-PinExperiment -Winner B</c>. A result (PinterestAds.ExperimentResult)
    /// carries its table texts in a <c>Display</c> member set (<see cref="ResultText"/>): the bars of
    /// one experiment share a scale, which a view cannot work out row by row, and a member set is
    /// not a property, so Export-Csv and ConvertTo-Json leave it out.
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

        public static IEnumerable<PSObject> Wrap(IReadOnlyList<VariantResult> results)
        {
            var texts = ResultText.Describe(results);
            for (int i = 0; i < results.Count; i++)
            {
                var output = new PSObject(results[i]);
                output.TypeNames.Insert(0, "PinterestAds.ExperimentResult");
                output.Members.Add(new PSMemberSet("Display", new PSMemberInfo[]
                {
                    new PSNoteProperty(nameof(VariantResultText.Heading), texts[i].Heading),
                    new PSNoteProperty(nameof(VariantResultText.Metric), texts[i].Metric),
                    new PSNoteProperty(nameof(VariantResultText.Bar), texts[i].Bar),
                    new PSNoteProperty(nameof(VariantResultText.Lift), texts[i].Lift),
                    new PSNoteProperty(nameof(VariantResultText.AdjustedPValue), texts[i].AdjustedPValue),
                }));
                yield return output;
            }
        }
    }
}
