using System;
using System.Collections.Generic;
using System.Linq;
using PinterestAds.Core.Experiments.Statistics;

namespace PinterestAds.Core.Reports
{
    /// <summary>
    /// An inline SVG dot-and-whisker chart of one experiment: a row per variant with its rate and 95 %
    /// interval on a shared axis, the control as a black diamond with a dashed line through every row,
    /// and the verdict in words beside each row (so colour is never the only cue).
    /// </summary>
    internal static class IntervalChart
    {
        private const double LabelRight = 196;
        private const double PlotLeft = 212;
        private const double PlotRight = 568;
        private const double VerdictLeft = 588;
        private const double Top = 58;
        private const double RowHeight = 30;

        public static void Write(Markup m, ChartFrames frames, ExperimentVariants experiment)
        {
            string title = $"{experiment.Name}: {MetricText.Name(experiment.Metric)} with 95% Wilson interval";
            IReadOnlyList<ReportVariant> rows = experiment.Variants;
            double axisY = Top + rows.Count * RowHeight + 6;
            double legendY = axisY + 62;
            double height = legendY + 26;

            frames.Open(m, title, height);
            NiceScale? scale = Scale(rows);
            if (scale is null)
            {
                m.Open("text", "caption").Attr("x", PlotLeft).Attr("y", Top + 12).Text("No variant has data yet.").Close();
                m.Close();
                return;
            }

            int decimals = experiment.PercentDecimals;
            for (int i = 0; i < rows.Count; i++)
            {
                WriteRow(m, rows[i], i, scale, experiment.Metric, decimals);
            }

            WriteControlLine(m, experiment.Control, scale, axisY);
            WriteAxis(m, scale, axisY, experiment.Metric);
            WriteLegend(m, legendY);
            m.Close();
        }

        /// <summary>
        /// The axis covers every rate and the intervals of the variants with enough data. The wide
        /// interval of a variant with a handful of trials would squeeze the others into a dot, so it is
        /// cut at the axis end with an arrow instead.
        /// </summary>
        private static NiceScale? Scale(IReadOnlyList<ReportVariant> rows)
        {
            var values = rows.SelectMany(v => v.Verdict == ExperimentVerdict.InsufficientData ? new[] { v.Rate } : new[] { v.Rate, v.RateLow, v.RateHigh })
                .Where(x => x.HasValue).Select(x => x!.Value).ToList();
            if (values.Count == 0)
            {
                return null;
            }

            // A little room at both ends, so a dot or an arrow never sits on the last tick.
            double min = values.Min(), max = values.Max(), pad = (max - min) * 0.04;
            return NiceScale.Covering(Math.Max(0, min - pad), max + pad);
        }

        private static double X(NiceScale scale, double rate) => scale.Map(rate, PlotLeft, PlotRight);

        private static void WriteRow(Markup m, ReportVariant variant, int index, NiceScale scale, ExperimentMetric metric, int decimals)
        {
            double y = Top + index * RowHeight + RowHeight / 2;
            string colour = Palette.Of(variant.Verdict);
            m.Open("g", "variant");
            m.Open("title").Text(Describe(variant, metric, decimals)).Close();
            if (index % 2 == 0)
            {
                m.Open("rect", "stripe").Attr("x", 8).Attr("y", y - RowHeight / 2).Attr("width", ChartFrames.Width - 16).Attr("height", RowHeight).CloseEmpty();
            }

            m.Open("text", variant.IsControl ? "row-label control" : "row-label").Attr("x", LabelRight).Attr("y", y).Attr("dy", "0.32em").Attr("text-anchor", "end")
                .Text(Markup.Shorten(variant.Variant, 25)).Close();
            if (variant.RateLow is double low && variant.RateHigh is double high)
            {
                m.Open("g").Attr("stroke", colour).Attr("fill", colour).Attr("stroke-width", 2);
                double from = X(scale, Math.Max(low, scale.Min)), to = X(scale, Math.Min(high, scale.Max));
                m.Open("line").Attr("x1", from).Attr("x2", to).Attr("y1", y).Attr("y2", y).CloseEmpty();
                WhiskerEnd(m, from, y, cut: low < scale.Min, pointsLeft: true);
                WhiskerEnd(m, to, y, cut: high > scale.Max, pointsLeft: false);
                m.Close();
            }

            if (variant.Rate is double rate)
            {
                WriteDot(m, variant.Verdict, X(scale, rate), y);
            }

            m.Open("text", "verdict").Attr("x", VerdictLeft).Attr("y", y).Attr("dy", "0.32em").Attr("fill", colour)
                .Text(variant.Rate.HasValue ? MetricText.Verdict(variant.Verdict) : "no data yet").Close();
            m.Close();
        }

        /// <summary>A cap where the interval ends; an arrowhead where the axis cuts it off.</summary>
        private static void WhiskerEnd(Markup m, double x, double y, bool cut, bool pointsLeft)
        {
            if (cut)
            {
                string tip = pointsLeft ? "-8" : "8";
                m.Open("path").Attr("d", $"M{NumberText.Coordinate(x)},{NumberText.Coordinate(y)} m{tip},0 l{(pointsLeft ? "8" : "-8")},-5 v10 z").Attr("stroke", "none").CloseEmpty();
            }
            else
            {
                m.Open("line").Attr("x1", x).Attr("x2", x).Attr("y1", y - 6).Attr("y2", y + 6).CloseEmpty();
            }
        }

        /// <summary>The control is a diamond; treatments are dots, hollow while their data are insufficient.</summary>
        private static void WriteDot(Markup m, ExperimentVerdict verdict, double x, double y)
        {
            string colour = Palette.Of(verdict);
            if (verdict == ExperimentVerdict.Control)
            {
                m.Open("path").Attr("d", $"M{NumberText.Coordinate(x)},{NumberText.Coordinate(y - 7)} l7,7 l-7,7 l-7,-7 z").Attr("fill", colour).CloseEmpty();
            }
            else
            {
                bool hollow = verdict == ExperimentVerdict.InsufficientData;
                m.Open("circle").Attr("cx", x).Attr("cy", y).Attr("r", 5.5).Attr("fill", hollow ? "#ffffff" : colour).Attr("stroke", colour).Attr("stroke-width", 2).CloseEmpty();
            }
        }

        private static void WriteControlLine(Markup m, ReportVariant? control, NiceScale scale, double axisY)
        {
            if (control?.Rate is not double rate)
            {
                return;
            }

            double x = X(scale, rate);
            m.Open("g", "control-line");
            m.Open("line").Attr("x1", x).Attr("x2", x).Attr("y1", Top - 4).Attr("y2", axisY).Attr("stroke", "#000000").Attr("stroke-dasharray", "4 3").CloseEmpty();
            m.Open("text", "caption").Attr("x", x).Attr("y", Top - 10).Attr("text-anchor", "middle").Text("control").Close();
            m.Close();
        }

        private static void WriteAxis(Markup m, NiceScale scale, double y, ExperimentMetric metric)
        {
            m.Open("g", "axis x-axis");
            m.Open("line", "baseline").Attr("x1", PlotLeft).Attr("x2", PlotRight).Attr("y1", y).Attr("y2", y).CloseEmpty();
            foreach (double tick in scale.Ticks)
            {
                double x = X(scale, tick);
                m.Open("line", "tick-mark").Attr("x1", x).Attr("x2", x).Attr("y1", y).Attr("y2", y + 5).CloseEmpty();
                m.Open("text", "tick").Attr("x", x).Attr("y", y + 19).Attr("text-anchor", "middle").Text(NumberText.PercentTick(tick, scale.Step)).Close();
            }

            m.Open("text", "caption").Attr("x", (PlotLeft + PlotRight) / 2).Attr("y", y + 40).Attr("text-anchor", "middle").Text(MetricText.Definition(metric)).Close();
            m.Close();
        }

        private static void WriteLegend(Markup m, double y)
        {
            m.Open("g", "legend");
            double x = 16;
            foreach (ExperimentVerdict verdict in new[] { ExperimentVerdict.Control, ExperimentVerdict.Better, ExperimentVerdict.Worse, ExperimentVerdict.Inconclusive, ExperimentVerdict.InsufficientData })
            {
                WriteDot(m, verdict, x + 7, y);
                string label = MetricText.Verdict(verdict);
                m.Open("text", "legend-label").Attr("x", x + 18).Attr("y", y).Attr("dy", "0.32em").Text(label).Close();
                x += 32 + label.Length * 6.6;
            }

            m.Open("line").Attr("x1", x).Attr("x2", x + 22).Attr("y1", y).Attr("y2", y).Attr("stroke", "#555555").Attr("stroke-width", 2).CloseEmpty();
            m.Open("text", "legend-label").Attr("x", x + 28).Attr("y", y).Attr("dy", "0.32em").Text("95% interval").Close();
            m.Close();
        }

        private static string Describe(ReportVariant v, ExperimentMetric metric, int decimals) =>
            $"{v.Variant}{(v.IsControl ? " (control)" : string.Empty)}: {MetricText.Name(metric)} {NumberText.Percent(v.Rate, decimals)}"
            + (v.RateLow.HasValue ? $", 95% interval {NumberText.Percent(v.RateLow, decimals)} – {NumberText.Percent(v.RateHigh, decimals)}" : string.Empty)
            + (v.IsControl ? string.Empty : $", lift {NumberText.Lift(v.Lift)}, adjusted p {NumberText.PValue(v.AdjustedPValue)}")
            + $", {MetricText.Verdict(v.Verdict)}";
    }
}
