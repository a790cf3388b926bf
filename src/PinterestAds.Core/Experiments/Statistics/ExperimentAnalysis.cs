using System;
using System.Collections.Generic;
using System.Linq;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Experiments.Statistics
{
    /// <summary>
    /// Turns every variant's counts into rates, 95 % Wilson intervals, lifts, z-test p-values against
    /// the control, Holm-adjusted p-values across the treatments and verdicts (<see cref="VerdictRule"/>).
    /// Pure computation: nothing here talks to Pinterest.
    /// </summary>
    public static class ExperimentAnalysis
    {
        /// <summary>
        /// The results of all <paramref name="variants"/>, in their order. Exactly one variant is the
        /// control. The Holm family is every treatment that has a p-value (both arms have trials and
        /// their rates are proportions), whether or not it passes the minimum-sample guard.
        /// </summary>
        /// <exception cref="PinterestAdsException">
        /// <c>experimentResultInvalid</c>: not exactly one control, a blank or repeated variant name, or a negative count.
        /// </exception>
        public static IReadOnlyList<VariantResult> Analyze(string experiment, ExperimentMetric metric, IEnumerable<VariantCounts> variants)
        {
            var all = (variants ?? throw new ArgumentNullException(nameof(variants))).ToList();
            VariantCounts control = CheckShape(experiment, all);
            var arms = all.Select(v => new Arm(v, metric)).ToList();
            Arm controlArm = arms[all.IndexOf(control)];

            var results = arms.Select(arm => Describe(experiment, metric, arm, controlArm)).ToList();
            var tested = results.Where(r => r.PValue.HasValue).ToList();
            double[] adjusted = HolmAdjustment.Adjust(tested.Select(r => r.PValue!.Value).ToList());
            for (int i = 0; i < tested.Count; i++)
            {
                tested[i].AdjustedPValue = adjusted[i];
            }

            for (int i = 0; i < results.Count; i++)
            {
                VariantResult result = results[i];
                result.Verdict = VerdictRule.Decide(result.IsControl, arms[i].Trials, controlArm.Trials, result.Rate, controlArm.Rate, result.AdjustedPValue);
                if (result.Verdict == ExperimentVerdict.InsufficientData)
                {
                    AddNote(result, InsufficientDataNote(metric, arms[i], controlArm));
                }
            }

            return results;
        }

        private static VariantResult Describe(string experiment, ExperimentMetric metric, Arm arm, Arm control)
        {
            VariantCounts counts = arm.Counts;
            var result = new VariantResult
            {
                Experiment = experiment,
                Variant = counts.Variant,
                IsControl = counts.IsControl,
                Status = counts.Status,
                Metric = metric,
                Spend = counts.Spend,
                Currency = counts.Currency,
                Impressions = counts.Impressions,
                Clicks = counts.Clicks,
                Conversions = counts.Conversions,
                Ctr = Ratio(counts.Clicks, counts.Impressions),
                ConversionRate = Ratio(counts.Conversions, counts.Clicks),
                CostPerConversion = counts.Conversions == 0 ? (decimal?)null : counts.Spend / counts.Conversions,
                Rate = arm.Rate,
            };

            if (arm.IsProportion)
            {
                Interval interval = WilsonScore.Interval95(arm.Successes, arm.Trials);
                result.RateLow = interval.Low;
                result.RateHigh = interval.High;
            }
            else
            {
                AddNote(result, arm.Trials == 0
                    ? $"No {TrialNoun(metric)} yet, so no {MetricName(metric)}."
                    : $"{arm.Successes} {SuccessNoun(metric)} from {arm.Trials} {TrialNoun(metric)} is not a proportion ({NotProportionReason(metric)}), so it has no interval and no test.");
            }

            if (counts.IsControl)
            {
                return result;
            }

            if (arm.Rate.HasValue && control.Rate.HasValue)
            {
                if (control.Rate.Value == 0)
                {
                    AddNote(result, $"Lift is undefined: the control's {MetricName(metric)} is 0.");
                }
                else
                {
                    result.Lift = (arm.Rate.Value - control.Rate.Value) / control.Rate.Value;
                }
            }

            if (arm.IsProportion && control.IsProportion)
            {
                result.PValue = ProportionTest.TwoSided(arm.Successes, arm.Trials, control.Successes, control.Trials).PValue;
            }
            else if (arm.IsProportion)
            {
                AddNote(result, $"The control has no {MetricName(metric)} that is a proportion, so there is nothing to test against.");
            }

            return result;
        }

        private static VariantCounts CheckShape(string experiment, List<VariantCounts> variants)
        {
            var controls = variants.Where(v => v.IsControl).ToList();
            if (controls.Count != 1)
            {
                throw Invalid(experiment, $"needs exactly one control variant but has {controls.Count} ({string.Join(", ", controls.Select(v => v.Variant))})");
            }

            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (VariantCounts variant in variants)
            {
                if (string.IsNullOrWhiteSpace(variant.Variant))
                {
                    throw Invalid(experiment, "has a variant without a name");
                }

                if (!seen.Add(variant.Variant))
                {
                    throw Invalid(experiment, $"has two variants named '{variant.Variant}' (names are compared ignoring case)");
                }

                if (variant.Impressions < 0 || variant.Clicks < 0 || variant.Conversions < 0)
                {
                    throw Invalid(experiment, $"variant '{variant.Variant}' has a negative count ({variant.Impressions} impressions, {variant.Clicks} clicks, {variant.Conversions} conversions)");
                }
            }

            return controls[0];
        }

        private static PinterestAdsException Invalid(string experiment, string problem) =>
            new PinterestAdsException(
                "experimentResultInvalid",
                FailureKind.InvalidResult,
                $"Experiment '{experiment}' {problem}, so its results cannot be computed.",
                "Check the experiment's variants with Get-PinExperiment; each variant's ad group name must be unique and exactly one must be the control.");

        private static string InsufficientDataNote(ExperimentMetric metric, Arm arm, Arm control)
        {
            string noun = TrialNoun(metric);
            string which = arm.Trials < VerdictRule.MinimumTrials && control.Trials < VerdictRule.MinimumTrials
                ? $"this variant has {arm.Trials} and the control {control.Trials}"
                : arm.Trials < VerdictRule.MinimumTrials ? $"this variant has {arm.Trials}" : $"the control has {control.Trials}";
            return $"A verdict needs at least {VerdictRule.MinimumTrials} {noun} in each arm; {which}.";
        }

        private static void AddNote(VariantResult result, string sentence) =>
            result.Note = result.Note is null ? sentence : result.Note + " " + sentence;

        private static double? Ratio(long numerator, long denominator) => denominator == 0 ? (double?)null : (double)numerator / denominator;

        private static string MetricName(ExperimentMetric metric) => metric == ExperimentMetric.Ctr ? "CTR" : "conversion rate";

        private static string TrialNoun(ExperimentMetric metric) => metric == ExperimentMetric.Ctr ? "impressions" : "clicks";

        private static string SuccessNoun(ExperimentMetric metric) => metric == ExperimentMetric.Ctr ? "clicks" : "conversions";

        private static string NotProportionReason(ExperimentMetric metric) => metric == ExperimentMetric.Ctr
            ? "Pinterest counted more clicks than impressions"
            : "Pinterest's conversions include view-through ones; judge this experiment on CTR";

        /// <summary>One variant seen through the chosen metric.</summary>
        private sealed class Arm
        {
            public Arm(VariantCounts counts, ExperimentMetric metric)
            {
                Counts = counts;
                Successes = counts.Successes(metric);
                Trials = counts.Trials(metric);
                Rate = Ratio(Successes, Trials);
            }

            public VariantCounts Counts { get; }

            public long Successes { get; }

            public long Trials { get; }

            public double? Rate { get; }

            /// <summary>Whether the Wilson interval and the z-test apply: at least one trial, no more successes than trials.</summary>
            public bool IsProportion => Trials > 0 && Successes <= Trials;
        }
    }
}
