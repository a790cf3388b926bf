using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PinterestAds.Core.Reports
{
    /// <summary>How numbers read in the report: invariant culture, thousands separated, as many decimals as the scale needs.</summary>
    internal static class NumberText
    {
        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        /// <summary>An SVG coordinate: at most two decimals, invariant culture.</summary>
        public static string Coordinate(double value) => Math.Round(value, 2).ToString("0.##", Invariant);

        public static string Count(long value) => value.ToString("N0", Invariant);

        public static string Money(decimal value, string? currency) =>
            currency is null ? value.ToString("N2", Invariant) : value.ToString("N2", Invariant) + " " + currency;

        /// <summary>A rate as a percentage with <paramref name="decimals"/> decimals; a dash when undefined.</summary>
        public static string Percent(double? rate, int decimals = 2) =>
            rate is double r ? (r * 100).ToString("F" + decimals, Invariant) + "%" : "–";

        /// <summary>
        /// Decimals for a column of rates, so it reads with one precision: two, or three when a non-zero
        /// rate is below 1 % (0.688% rather than 0.69%).
        /// </summary>
        public static int PercentDecimals(IEnumerable<double?> rates)
        {
            double smallest = rates.Where(r => r > 0).Select(r => r!.Value * 100).DefaultIfEmpty(1).Min();
            return smallest < 1 ? 3 : 2;
        }

        /// <summary>A lift as a signed percentage, e.g. +12.5% or −3.0%.</summary>
        public static string Lift(double? lift) =>
            lift is double l ? (l > 0 ? "+" : l < 0 ? "−" : string.Empty) + Math.Abs(l * 100).ToString("0.0", Invariant) + "%" : "–";

        public static string PValue(double? p) =>
            p is double v ? v < 0.0001 ? "< 0.0001" : v.ToString("0.0000", Invariant) : "–";

        /// <summary>A tick label for <paramref name="value"/> on a scale stepping by <paramref name="step"/>: k, M, B from ten thousand up.</summary>
        public static string Tick(double value, double step, double largest)
        {
            (double divisor, string suffix) = Math.Abs(largest) >= 1e10 ? (1e9, "B") : Math.Abs(largest) >= 1e7 ? (1e6, "M") : Math.Abs(largest) >= 1e4 ? (1e3, "k") : (1d, string.Empty);
            return value == 0 ? "0" : (value / divisor).ToString("N" + Decimals(step / divisor), Invariant) + suffix;
        }

        /// <summary>A tick label for a rate, in percent.</summary>
        public static string PercentTick(double value, double step) =>
            value == 0 ? "0%" : (value * 100).ToString("N" + Decimals(step * 100), Invariant) + "%";

        /// <summary>The decimals that show a multiple of <paramref name="step"/> exactly (for 1-2-5 steps).</summary>
        private static int Decimals(double step) => Math.Max(0, (int)Math.Ceiling(-Math.Log10(step) - 1e-9));
    }
}
