namespace PinterestAds.Core.Experiments.Statistics
{
    /// <summary>
    /// The verdict of one variant, decided in this order:
    /// <list type="number">
    /// <item>the control is <see cref="ExperimentVerdict.Control"/>;</item>
    /// <item>a variant with fewer than <see cref="MinimumTrials"/> trials, or whose control has fewer, is
    /// <see cref="ExperimentVerdict.InsufficientData"/> (trials are impressions for CTR, clicks for
    /// conversion rate: below that the normal approximation behind the test is not trustworthy);</item>
    /// <item>with a Holm-adjusted p-value below <see cref="SignificanceLevel"/>, a rate above the
    /// control's is <see cref="ExperimentVerdict.Better"/> and one below it <see cref="ExperimentVerdict.Worse"/>
    /// (the sign of the lift; the sign of the difference when the control's rate is 0 and the lift undefined);</item>
    /// <item>anything else is <see cref="ExperimentVerdict.Inconclusive"/>, including a variant without a
    /// p-value because its rate is not a proportion.</item>
    /// </list>
    /// Because the p-values are Holm-adjusted over all treatments, the chance that any treatment is
    /// called Better or Worse while all are in truth equal to the control is at most 5 %.
    /// </summary>
    public static class VerdictRule
    {
        /// <summary>Trials each arm needs before a verdict other than InsufficientData.</summary>
        public const long MinimumTrials = 100;

        /// <summary>The family-wise error rate the adjusted p-values are compared with.</summary>
        public const double SignificanceLevel = 0.05;

        public static ExperimentVerdict Decide(bool isControl, long trials, long controlTrials, double? rate, double? controlRate, double? adjustedPValue)
        {
            if (isControl)
            {
                return ExperimentVerdict.Control;
            }

            if (trials < MinimumTrials || controlTrials < MinimumTrials)
            {
                return ExperimentVerdict.InsufficientData;
            }

            if (adjustedPValue is double p && p < SignificanceLevel && rate is double r && controlRate is double c && r != c)
            {
                return r > c ? ExperimentVerdict.Better : ExperimentVerdict.Worse;
            }

            return ExperimentVerdict.Inconclusive;
        }
    }
}
