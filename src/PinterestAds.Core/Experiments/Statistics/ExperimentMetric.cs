namespace PinterestAds.Core.Experiments.Statistics
{
    /// <summary>The rate an experiment is judged on; each is a proportion of trials that succeeded.</summary>
    public enum ExperimentMetric
    {
        /// <summary>Click-through rate: clicks per impression.</summary>
        Ctr,

        /// <summary>Conversion rate: conversions per click.</summary>
        ConversionRate,
    }
}
