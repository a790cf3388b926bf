namespace PinterestAds.Core.Experiments.Statistics
{
    /// <summary>
    /// What the data say about one variant against the control; <see cref="VerdictRule"/> states the rule.
    /// </summary>
    public enum ExperimentVerdict
    {
        /// <summary>This variant is the control the others are compared with.</summary>
        Control,

        /// <summary>Its rate is higher than the control's, with a Holm-adjusted p-value below 0.05.</summary>
        Better,

        /// <summary>Its rate is lower than the control's, with a Holm-adjusted p-value below 0.05.</summary>
        Worse,

        /// <summary>Enough data, but no difference the test can tell from chance.</summary>
        Inconclusive,

        /// <summary>Fewer than 100 trials (impressions for CTR, clicks for conversion rate) in this variant or the control.</summary>
        InsufficientData,
    }
}
