namespace PinterestAds.Core.Experiments.Statistics
{
    /// <summary>
    /// What Pinterest counted for one variant (one ad group) over the experiment's date range: the
    /// input of <see cref="ExperimentAnalysis.Analyze"/>. Counts are whole numbers as Pinterest reports them.
    /// </summary>
    public sealed class VariantCounts
    {
        /// <summary>The variant's name, unique within the experiment.</summary>
        public string Variant { get; set; } = string.Empty;

        public bool IsControl { get; set; }

        /// <summary>The ad group's status (ACTIVE, PAUSED, ...), passed through to the result.</summary>
        public string? Status { get; set; }

        /// <summary>Spend in the ad account's currency.</summary>
        public decimal Spend { get; set; }

        /// <summary>ISO 4217 code of <see cref="Spend"/>, passed through to the result.</summary>
        public string? Currency { get; set; }

        public long Impressions { get; set; }

        public long Clicks { get; set; }

        public long Conversions { get; set; }

        /// <summary>The successes and trials of <paramref name="metric"/>.</summary>
        internal long Successes(ExperimentMetric metric) => metric == ExperimentMetric.Ctr ? Clicks : Conversions;

        internal long Trials(ExperimentMetric metric) => metric == ExperimentMetric.Ctr ? Impressions : Clicks;
    }
}
