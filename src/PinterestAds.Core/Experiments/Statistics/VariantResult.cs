namespace PinterestAds.Core.Experiments.Statistics
{
    /// <summary>
    /// One variant's performance and how it compares with the control (DESIGN.md, "Experiments":
    /// the output of Get-PinExperimentResult). Nullable values are null where they are undefined,
    /// never NaN; <see cref="Note"/> says why.
    /// </summary>
    public sealed class VariantResult
    {
        public string Experiment { get; internal set; } = string.Empty;

        public string Variant { get; internal set; } = string.Empty;

        public bool IsControl { get; internal set; }

        public string? Status { get; internal set; }

        /// <summary>The metric <see cref="Rate"/>, the interval, the test and the verdict are about.</summary>
        public ExperimentMetric Metric { get; internal set; }

        public decimal Spend { get; internal set; }

        public string? Currency { get; internal set; }

        public long Impressions { get; internal set; }

        public long Clicks { get; internal set; }

        public long Conversions { get; internal set; }

        /// <summary>Clicks per impression; null without impressions.</summary>
        public double? Ctr { get; internal set; }

        /// <summary>Conversions per click; null without clicks.</summary>
        public double? ConversionRate { get; internal set; }

        /// <summary>Spend per conversion, in <see cref="Currency"/>; null without conversions.</summary>
        public decimal? CostPerConversion { get; internal set; }

        /// <summary>The chosen metric's value (<see cref="Ctr"/> or <see cref="ConversionRate"/>).</summary>
        public double? Rate { get; internal set; }

        /// <summary>Lower bound of the 95 % Wilson score interval of <see cref="Rate"/>.</summary>
        public double? RateLow { get; internal set; }

        /// <summary>Upper bound of the 95 % Wilson score interval of <see cref="Rate"/>.</summary>
        public double? RateHigh { get; internal set; }

        /// <summary>(Rate − control rate) / control rate; null for the control and when the control's rate is 0.</summary>
        public double? Lift { get; internal set; }

        /// <summary>Two-sided pooled two-proportion z-test against the control; null for the control.</summary>
        public double? PValue { get; internal set; }

        /// <summary><see cref="PValue"/> after Holm's step-down adjustment over all treatments that have one.</summary>
        public double? AdjustedPValue { get; internal set; }

        public ExperimentVerdict Verdict { get; internal set; }

        /// <summary>Why a value is missing or the verdict is what it is, in a sentence; null when nothing needs saying.</summary>
        public string? Note { get; internal set; }

        public override string ToString() => $"{Variant}: {Verdict}";
    }
}
