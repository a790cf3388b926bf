using System;

namespace PinterestAds.Core.Reports
{
    /// <summary>One quantity a line chart draws over time: how to read it from a tally and how to write it.</summary>
    internal sealed class Measure
    {
        private Measure(string title, Func<Tally, double?> value, Func<double, double, double, string> tick, Func<double, string> text)
        {
            Title = title;
            Value = value;
            Tick = tick;
            Text = text;
        }

        public string Title { get; }

        /// <summary>The value of a tally; null where it is undefined (CTR without impressions), which breaks the line.</summary>
        public Func<Tally, double?> Value { get; }

        /// <summary>A tick label: (value, step, largest tick).</summary>
        public Func<double, double, double, string> Tick { get; }

        /// <summary>A value in full, for hover titles.</summary>
        public Func<double, string> Text { get; }

        public static Measure Impressions { get; } = new Measure(
            "Impressions over time", t => t.Impressions, NumberText.Tick, v => NumberText.Count((long)v));

        public static Measure Ctr { get; } = new Measure(
            "CTR over time (clicks per impression)", t => t.Ctr, (v, step, _) => NumberText.PercentTick(v, step), v => NumberText.Percent(v));

        /// <summary>Spend in <paramref name="currency"/>; in US dollars when the entities' currencies differ (<paramref name="inUsd"/>).</summary>
        public static Measure Spend(string currency, bool inUsd) => new Measure(
            $"Spend over time ({currency})",
            inUsd ? t => (double)t.SpendUsd : (Func<Tally, double?>)(t => (double)t.Spend),
            NumberText.Tick,
            v => NumberText.Money((decimal)v, currency));
    }
}
