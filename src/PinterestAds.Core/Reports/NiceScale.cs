using System;
using System.Collections.Generic;

namespace PinterestAds.Core.Reports
{
    /// <summary>
    /// An axis range with round tick values in steps of 1, 2 or 5 times a power of ten
    /// (Heckbert, "Nice numbers for graph labels", Graphics Gems, 1990), covering the data.
    /// </summary>
    internal sealed class NiceScale
    {
        private NiceScale(double min, double max, double step)
        {
            Min = min;
            Max = max;
            Step = step;
            var ticks = new List<double>();
            int count = (int)Math.Round((max - min) / step);
            for (int i = 0; i <= count; i++)
            {
                // Multiplying (not adding up) keeps 0.1 + 0.2 drift out of the labels.
                ticks.Add(Math.Round(min + i * step, 12));
            }

            Ticks = ticks;
        }

        public double Min { get; }

        public double Max { get; }

        public double Step { get; }

        public IReadOnlyList<double> Ticks { get; }

        /// <summary>A scale from <paramref name="low"/> to <paramref name="high"/> with about <paramref name="ticks"/> ticks.</summary>
        public static NiceScale Covering(double low, double high, int ticks = 5)
        {
            if (double.IsNaN(low) || double.IsNaN(high) || double.IsInfinity(low) || double.IsInfinity(high))
            {
                throw new ArgumentOutOfRangeException(nameof(low), "An axis needs finite bounds.");
            }

            if (high < low)
            {
                (low, high) = (high, low);
            }

            if (high == low)
            {
                // One value: give it room so it sits inside the axis, not on its edge.
                double pad = low == 0 ? 1 : Math.Abs(low) * 0.1;
                low = low == 0 ? 0 : low - pad;
                high += pad;
            }

            double step = Nice((high - low) / Math.Max(1, ticks - 1), round: true);
            return new NiceScale(Math.Floor(low / step) * step, Math.Ceiling(high / step) * step, step);
        }

        /// <summary>The 1-2-5 number nearest <paramref name="x"/> (rounding) or the next at or above it (ceiling).</summary>
        private static double Nice(double x, bool round)
        {
            double exponent = Math.Floor(Math.Log10(x));
            double power = Math.Pow(10, exponent);
            double fraction = x / power;
            double nice = round
                ? fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
                : fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
            return nice * power;
        }

        /// <summary>Where <paramref name="value"/> falls between <paramref name="from"/> (at Min) and <paramref name="to"/> (at Max).</summary>
        public double Map(double value, double from, double to) => from + (value - Min) / (Max - Min) * (to - from);
    }
}
