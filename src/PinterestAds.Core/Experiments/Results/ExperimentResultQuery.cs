using System;
using PinterestAds.Core.Experiments.Statistics;

namespace PinterestAds.Core.Experiments.Results
{
    /// <summary>
    /// Which experiment's results to compute, over which UTC days, judged on which metric. Property
    /// names are Get-PinExperimentResult's parameter names, so errors about them name the parameter.
    /// </summary>
    public sealed class ExperimentResultQuery
    {
        public ExperimentResultQuery(ExperimentRef experiment)
        {
            Experiment = experiment ?? throw new ArgumentNullException(nameof(experiment));
        }

        public ExperimentRef Experiment { get; }

        /// <summary>First UTC day; default the day the experiment's first ad group was made.</summary>
        public DateTime? StartDate { get; set; }

        /// <summary>Last UTC day; default today.</summary>
        public DateTime? EndDate { get; set; }

        public ExperimentMetric Metric { get; set; } = ExperimentMetric.Ctr;
    }
}
