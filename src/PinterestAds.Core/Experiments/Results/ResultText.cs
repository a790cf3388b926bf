using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using PinterestAds.Core.Experiments.Statistics;
using PinterestAds.Core.Reports;

namespace PinterestAds.Core.Experiments.Results
{
    /// <summary>
    /// How an experiment's results read in a terminal table: the metric with its interval, the lift,
    /// the adjusted p-value, and a small text bar per variant that draws its interval on one scale
    /// shared by all variants, the control's rate marked on every row, so the winner stands out at a
    /// glance: <c>    ├──●──┤ ┆       </c>. Numbers are written as the HTML report writes them.
    /// </summary>
    public static class ResultText
    {
        /// <summary>Characters of a bar.</summary>
        public const int BarWidth = 20;

        private const char Line = '─';
        private const char Low = '├';
        private const char High = '┤';
        private const char Point = '●';
        private const char ControlPoint = '◆';
        private const char ControlRate = '┆';

        /// <summary>The texts of each result, in the same order; the bars of one experiment share a scale.</summary>
        public static IReadOnlyList<VariantResultText> Describe(IReadOnlyList<VariantResult> results)
        {
            var texts = new VariantResultText[results.Count];
            foreach (var experiment in Enumerable.Range(0, results.Count).GroupBy(i => (results[i].Experiment, results[i].Metric)))
            {
                var indexes = experiment.ToArray();
                var variants = indexes.Select(i => results[i]).ToArray();
                int decimals = NumberText.PercentDecimals(variants.SelectMany(v => new[] { v.Rate, v.RateLow, v.RateHigh }));
                var scale = Scale.Of(variants);
                double? controlRate = variants.FirstOrDefault(v => v.IsControl)?.Rate;
                foreach (int i in indexes)
                {
                    var v = results[i];
                    texts[i] = new VariantResultText(
                        Heading(v),
                        Metric(v, decimals),
                        v.IsControl ? string.Empty : NumberText.Lift(v.Lift),
                        v.IsControl ? string.Empty : NumberText.PValue(v.AdjustedPValue),
                        Bar(v, scale, controlRate));
                }
            }

            return texts;
        }

        /// <summary>"1.52% [1.41–1.64%]"; the rate alone when it has no interval, "no data" without one. The table's group header names the metric.</summary>
        private static string Metric(VariantResult v, int decimals)
        {
            if (v.Rate is null)
            {
                return "no data";
            }

            string rate = NumberText.Percent(v.Rate, decimals);
            return v.RateLow is double low && v.RateHigh is double high
                ? $"{rate} [{NumberText.Percent(low, decimals).TrimEnd('%')}–{NumberText.Percent(high, decimals)}]"
                : rate;
        }

        /// <summary>"Spring hero, judged on CTR": what a table of results is grouped by.</summary>
        private static string Heading(VariantResult v) =>
            $"{v.Experiment}, judged on {(v.Metric == ExperimentMetric.Ctr ? "CTR" : "conversion rate")}";

        private static string Bar(VariantResult v, Scale? scale, double? controlRate)
        {
            if (scale is null || v.RateLow is null || v.RateHigh is null || v.Rate is null)
            {
                return string.Empty;
            }

            var bar = new StringBuilder(new string(' ', BarWidth));
            if (!v.IsControl && controlRate is double control)
            {
                bar[scale.Column(control)] = ControlRate;
            }

            int low = scale.Column(v.RateLow.Value), high = scale.Column(v.RateHigh.Value);
            for (int c = low; c <= high; c++)
            {
                bar[c] = Line;
            }

            bar[low] = Low;
            bar[high] = High;
            bar[scale.Column(v.Rate.Value)] = v.IsControl ? ControlPoint : Point;
            return bar.ToString();
        }

        /// <summary>The span the bars of one experiment share: from the lowest interval bound to the highest.</summary>
        private sealed class Scale
        {
            private readonly double _min;
            private readonly double _span;

            private Scale(double min, double max)
            {
                _min = min;
                _span = max - min;
            }

            public static Scale? Of(IReadOnlyList<VariantResult> variants)
            {
                var bounds = variants.Where(v => v.RateLow.HasValue && v.RateHigh.HasValue).ToArray();
                return bounds.Length == 0 ? null : new Scale(bounds.Min(v => v.RateLow!.Value), bounds.Max(v => v.RateHigh!.Value));
            }

            public int Column(double value) =>
                _span <= 0 ? BarWidth / 2 : Math.Max(0, Math.Min(BarWidth - 1, (int)Math.Round((value - _min) / _span * (BarWidth - 1))));
        }
    }

    /// <summary>One variant's result as a table shows it.</summary>
    public sealed class VariantResultText
    {
        internal VariantResultText(string heading, string metric, string lift, string adjustedPValue, string bar)
        {
            Heading = heading;
            Metric = metric;
            Lift = lift;
            AdjustedPValue = adjustedPValue;
            Bar = bar;
        }

        /// <summary>The experiment and the metric its variants are judged on: "Spring hero, judged on CTR".</summary>
        public string Heading { get; }

        /// <summary>The chosen metric with its 95 % interval: "1.52% [1.41–1.64%]".</summary>
        public string Metric { get; }

        /// <summary>"+26.7%"; empty for the control.</summary>
        public string Lift { get; }

        /// <summary>"0.0123" or "&lt; 0.0001"; empty for the control.</summary>
        public string AdjustedPValue { get; }

        /// <summary>The interval drawn on the experiment's shared scale; empty without one.</summary>
        public string Bar { get; }
    }
}
