using System.Collections.Generic;
using PinterestAds.Core.Experiments.Statistics;

namespace PinterestAds.Core.Reports
{
    /// <summary>The experiments part of a report: per experiment, the interval chart and a table of its variants.</summary>
    internal static class ExperimentSection
    {
        public static void Write(Markup m, IReadOnlyList<ExperimentVariants> experiments, ChartFrames charts)
        {
            m.Element("h2", "Experiments");
            foreach (ExperimentVariants experiment in experiments)
            {
                m.Open("section", "experiment");
                m.Element("h3", experiment.Name);
                m.Element("p", $"Judged on {MetricText.Definition(experiment.Metric)}. A treatment is Better or Worse when its Holm-adjusted p-value against the control is below 0.05, and needs at least {VerdictRule.MinimumTrials} {(experiment.Metric == ExperimentMetric.Ctr ? "impressions" : "clicks")} in it and in the control for any verdict.", "note");
                m.Open("figure");
                IntervalChart.Write(m, charts, experiment);
                m.Close();
                WriteTable(m, experiment);
                m.Close();
            }
        }

        private static void WriteTable(Markup m, ExperimentVariants experiment)
        {
            m.Open("table", "variants");
            m.Open("thead").Open("tr");
            m.ColumnHeader("Variant");
            m.ColumnHeader("Status");
            m.ColumnHeader(MetricText.Name(experiment.Metric), "num");
            m.ColumnHeader("95% interval", "num");
            m.ColumnHeader("Lift", "num");
            m.ColumnHeader("Adjusted p", "num");
            m.ColumnHeader("Verdict");
            m.Close().Close();
            m.Open("tbody");
            int decimals = experiment.PercentDecimals;
            foreach (ReportVariant v in experiment.Variants)
            {
                m.Open("tr");
                m.Element("td", v.IsControl ? v.Variant + " (control)" : v.Variant);
                m.Element("td", v.Status ?? "–");
                m.Element("td", NumberText.Percent(v.Rate, decimals), "num");
                m.Element("td", v.RateLow.HasValue ? NumberText.Percent(v.RateLow, decimals) + " – " + NumberText.Percent(v.RateHigh, decimals) : "–", "num");
                m.Element("td", v.IsControl ? "–" : NumberText.Lift(v.Lift), "num");
                m.Element("td", v.IsControl ? "–" : NumberText.PValue(v.AdjustedPValue), "num");
                m.Element("td", MetricText.Verdict(v.Verdict), "verdict-" + v.Verdict);
                m.Close();
            }

            m.Close().Close();
        }
    }
}
