using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace PinterestAds.Core.Reports
{
    /// <summary>
    /// An inline SVG line chart of one measure over time: title, y grid with 1-2-5 ticks, date ticks
    /// that cannot overlap, one line per entity and a legend. Coordinates are in the
    /// <see cref="ChartFrames.Width"/>-wide viewBox.
    /// </summary>
    internal static class LineChart
    {
        private const double Left = 72;
        private const double Right = 24;
        private const double Top = 48;
        private const double PlotHeight = 220;
        private const double LegendColumn = 312;
        private const double LegendRow = 20;

        /// <summary>Characters of a legend label that fit its column at 12 px (about 7 px each), after the 32 px swatch.</summary>
        private const int LegendChars = 38;

        /// <summary>Date labels are at most ~8 characters (≈ 50 px at 11 px); 72 px apart they never touch.</summary>
        private const double TickSpacing = 72;

        /// <summary>Points per line up to which each point gets a marker (and a hover title).</summary>
        private const int MarkerLimit = 45;

        private static double Bottom => Top + PlotHeight;

        private static double PlotRight => ChartFrames.Width - Right;

        /// <summary>The width the time axis spans, in viewBox units.</summary>
        internal static double PlotWidth => PlotRight - Left;

        public static void Write(Markup m, ChartFrames frames, Measure measure, IReadOnlyList<ChartLine> lines, TimeAxis axis, string caption)
        {
            var values = lines.Select(l => l.Points.Select(p => (At: p.Key, Value: measure.Value(p.Value))).ToList()).ToList();
            double largest = values.SelectMany(v => v).Where(p => p.Value.HasValue).Select(p => p.Value!.Value).DefaultIfEmpty(0).Max();
            NiceScale scale = NiceScale.Covering(0, Math.Max(0, largest));
            int legendRows = (lines.Count + 1) / 2;
            double legendTop = Bottom + 62;
            double height = legendTop + legendRows * LegendRow + 4;

            frames.Open(m, measure.Title, height);

            WriteValueAxis(m, measure, scale);
            WriteTimeAxis(m, axis, caption);
            for (int i = 0; i < lines.Count; i++)
            {
                WriteLine(m, lines[i], values[i], measure, scale, axis);
            }

            WriteLegend(m, lines, legendTop);
            m.Close();
        }

        private static double X(TimeAxis axis, DateTime at) => axis.Map(at, Left, PlotRight);

        private static double Y(NiceScale scale, double value) => scale.Map(value, Bottom, Top);

        private static void WriteValueAxis(Markup m, Measure measure, NiceScale scale)
        {
            m.Open("g", "axis y-axis");
            foreach (double tick in scale.Ticks)
            {
                double y = Y(scale, tick);
                m.Open("line", tick == scale.Min ? "baseline" : "grid").Attr("x1", Left).Attr("x2", PlotRight).Attr("y1", y).Attr("y2", y).CloseEmpty();
                m.Open("text", "tick").Attr("x", Left - 8).Attr("y", y).Attr("dy", "0.32em").Attr("text-anchor", "end")
                    .Text(measure.Tick(tick, scale.Step, scale.Max)).Close();
            }

            m.Close();
        }

        private static void WriteTimeAxis(Markup m, TimeAxis axis, string caption)
        {
            m.Open("g", "axis x-axis");
            foreach ((DateTime at, string label) in axis.Ticks)
            {
                double x = X(axis, at);
                m.Open("line", "tick-mark").Attr("x1", x).Attr("x2", x).Attr("y1", Bottom).Attr("y2", Bottom + 5).CloseEmpty();
                m.Open("text", "tick").Attr("x", x).Attr("y", Bottom + 19).Attr("text-anchor", "middle").Text(label).Close();
            }

            m.Open("text", "caption").Attr("x", (Left + PlotRight) / 2).Attr("y", Bottom + 40).Attr("text-anchor", "middle").Text(caption).Close();
            m.Close();
        }

        private static void WriteLine(Markup m, ChartLine line, List<(DateTime At, double? Value)> points, Measure measure, NiceScale scale, TimeAxis axis)
        {
            m.Open("g", "series").Attr("stroke", line.Colour).Attr("fill", line.Colour);
            m.Open("title").Text(line.Label).Close();
            m.Open("path").Attr("d", PathData(points, scale, axis)).Attr("fill", "none").Attr("stroke-width", 2)
                .Attr("stroke-linejoin", "round").Attr("stroke-linecap", "round");
            if (line.IsOthers)
            {
                m.Attr("stroke-dasharray", "6 4");
            }

            m.CloseEmpty();
            for (int i = 0; i < points.Count; i++)
            {
                // Every point is marked on short lines; on long ones only points with no neighbour, which a path alone would not show.
                bool isolated = (i == 0 || points[i - 1].Value is null) && (i == points.Count - 1 || points[i + 1].Value is null);
                if (points[i].Value is double value && (points.Count <= MarkerLimit || isolated))
                {
                    m.Open("circle").Attr("cx", X(axis, points[i].At)).Attr("cy", Y(scale, value)).Attr("r", 3).Attr("stroke", "none");
                    m.Open("title").Text($"{line.Label}, {When(points[i].At)}: {measure.Text(value)}").Close();
                    m.Close();
                }
            }

            m.Close();
        }

        private static string When(DateTime at) =>
            at.ToString(at.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        /// <summary>"M x,y L x,y ...", starting a new piece after each undefined value so gaps stay gaps.</summary>
        private static string PathData(List<(DateTime At, double? Value)> points, NiceScale scale, TimeAxis axis)
        {
            var d = new StringBuilder();
            bool drawing = false;
            foreach ((DateTime at, double? value) in points)
            {
                if (value is double v)
                {
                    d.Append(drawing ? " L" : d.Length == 0 ? "M" : " M").Append(NumberText.Coordinate(X(axis, at))).Append(',').Append(NumberText.Coordinate(Y(scale, v)));
                    drawing = true;
                }
                else
                {
                    drawing = false;
                }
            }

            return d.ToString();
        }

        private static void WriteLegend(Markup m, IReadOnlyList<ChartLine> lines, double top)
        {
            m.Open("g", "legend");
            for (int i = 0; i < lines.Count; i++)
            {
                double x = Left + (i % 2) * LegendColumn;
                double y = top + (i / 2) * LegendRow;
                m.Open("g").Attr("stroke", lines[i].Colour).Attr("fill", lines[i].Colour);
                m.Open("title").Text(lines[i].Label).Close();
                m.Open("line").Attr("x1", x).Attr("x2", x + 24).Attr("y1", y).Attr("y2", y).Attr("stroke-width", 2);
                if (lines[i].IsOthers)
                {
                    m.Attr("stroke-dasharray", "6 4");
                }

                m.CloseEmpty();
                m.Open("circle").Attr("cx", x + 12).Attr("cy", y).Attr("r", 3).Attr("stroke", "none").CloseEmpty();
                m.Open("text", "legend-label").Attr("x", x + 32).Attr("y", y).Attr("dy", "0.32em").Attr("stroke", "none")
                    .Text(Markup.Shorten(lines[i].Label, LegendChars)).Close();
                m.Close();
            }

            m.Close();
        }

        /// <summary>How many date ticks fit along the plot: n ticks inside it are at least width / (n + 1) apart.</summary>
        public static int MaxTimeTicks => (int)Math.Floor(PlotWidth / TickSpacing) - 1;
    }
}
