using PinterestAds.Core.Experiments.Statistics;

namespace PinterestAds.Core.Reports
{
    /// <summary>
    /// One experiment variant as the report draws it. <see cref="From"/> maps a
    /// <see cref="VariantResult"/>; results read back from elsewhere (CSV, CliXml) map field by field.
    /// </summary>
    public sealed class ReportVariant
    {
        /// <summary>The experiment the variant belongs to; variants are grouped by it.</summary>
        public string Experiment { get; set; } = string.Empty;

        public ExperimentMetric Metric { get; set; }

        public string Variant { get; set; } = string.Empty;

        public bool IsControl { get; set; }

        public string? Status { get; set; }

        public double? Rate { get; set; }

        /// <summary>Lower bound of the rate's 95 % interval.</summary>
        public double? RateLow { get; set; }

        /// <summary>Upper bound of the rate's 95 % interval.</summary>
        public double? RateHigh { get; set; }

        public double? Lift { get; set; }

        public double? AdjustedPValue { get; set; }

        public ExperimentVerdict Verdict { get; set; }

        public static ReportVariant From(VariantResult result) => new ReportVariant
        {
            Experiment = result.Experiment,
            Metric = result.Metric,
            Variant = result.Variant,
            IsControl = result.IsControl,
            Status = result.Status,
            Rate = result.Rate,
            RateLow = result.RateLow,
            RateHigh = result.RateHigh,
            Lift = result.Lift,
            AdjustedPValue = result.AdjustedPValue,
            Verdict = result.Verdict,
        };
    }
}
