using PinterestAds.Core.Experiments.Statistics;

namespace PinterestAds.Core.Reports
{
    /// <summary>The words the report uses for experiment metrics and verdicts.</summary>
    internal static class MetricText
    {
        public static string Name(ExperimentMetric metric) => metric == ExperimentMetric.Ctr ? "CTR" : "Conversion rate";

        public static string Definition(ExperimentMetric metric) =>
            metric == ExperimentMetric.Ctr ? "CTR: clicks per impression" : "Conversion rate: conversions per click";

        public static string Verdict(ExperimentVerdict verdict) => verdict == ExperimentVerdict.InsufficientData ? "Insufficient data" : verdict.ToString();
    }
}
