using System;
using System.Collections.Generic;
using System.Globalization;

namespace PinterestAds.Core.Reports
{
    /// <summary>
    /// The time axis of a line chart: a range of UTC instants and ticks at calendar boundaries
    /// (hours, days, Mondays, months, years) spaced so their labels cannot overlap.
    /// </summary>
    internal sealed class TimeAxis
    {
        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        /// <summary>Steps from fine to coarse; the first that fits is taken.</summary>
        private static readonly (Unit Unit, int Count)[] Steps =
        {
            (Unit.Hour, 1), (Unit.Hour, 2), (Unit.Hour, 3), (Unit.Hour, 6), (Unit.Hour, 12),
            (Unit.Day, 1), (Unit.Day, 2), (Unit.Week, 1), (Unit.Week, 2),
            (Unit.Month, 1), (Unit.Month, 2), (Unit.Month, 3), (Unit.Month, 6),
            (Unit.Year, 1), (Unit.Year, 2), (Unit.Year, 5), (Unit.Year, 10), (Unit.Year, 20), (Unit.Year, 50), (Unit.Year, 100),
        };

        private TimeAxis(DateTime start, DateTime end, IReadOnlyList<(DateTime At, string Label)> ticks)
        {
            Start = start;
            End = end;
            Ticks = ticks;
        }

        private enum Unit
        {
            Hour,
            Day,
            Week,
            Month,
            Year,
        }

        public DateTime Start { get; }

        public DateTime End { get; }

        public IReadOnlyList<(DateTime At, string Label)> Ticks { get; }

        /// <summary>
        /// An axis over <paramref name="first"/>..<paramref name="last"/> with at most <paramref name="maxTicks"/>
        /// ticks. Hour ticks are used only when a point falls within a day (<paramref name="hasHours"/>), so
        /// daily data is never labelled 12:00. A single instant is padded by half a day on each side.
        /// </summary>
        public static TimeAxis Covering(DateTime first, DateTime last, bool hasHours, int maxTicks)
        {
            DateTime start = first, end = last;
            if (end <= start)
            {
                start = first.AddHours(-12);
                end = first.AddHours(12);
            }

            foreach ((Unit unit, int count) in Steps)
            {
                // Steps that would certainly give too many ticks are skipped without counting them.
                if ((unit == Unit.Hour && !hasHours) || (end - start).TotalHours / Approximate(unit, count) > maxTicks + 1)
                {
                    continue;
                }

                var ticks = TicksOf(unit, count, start, end);
                if (ticks.Count <= maxTicks)
                {
                    return new TimeAxis(start, end, ticks);
                }
            }

            return new TimeAxis(start, end, new[] { (start, Label(Unit.Year, start)) });
        }

        /// <summary>"1 Mar 2026 – 30 Apr 2026": the range in words, for the axis caption.</summary>
        public static string Range(DateTime first, DateTime last, bool hasHours)
        {
            string format = hasHours ? "d MMM yyyy HH:mm" : "d MMM yyyy";
            return first == last ? first.ToString(format, Invariant) : first.ToString(format, Invariant) + " – " + last.ToString(format, Invariant);
        }

        public double Map(DateTime at, double from, double to) => from + (at - Start).TotalSeconds / (End - Start).TotalSeconds * (to - from);

        private static double Approximate(Unit unit, int count) => count * unit switch
        {
            Unit.Hour => 1,
            Unit.Day => 24,
            Unit.Week => 24 * 7,
            Unit.Month => 24 * 30.44,
            _ => 24 * 365.25,
        };

        private static List<(DateTime, string)> TicksOf(Unit unit, int count, DateTime start, DateTime end)
        {
            var ticks = new List<(DateTime, string)>();
            for (DateTime at = First(unit, count, start); at <= end; at = Next(unit, count, at))
            {
                ticks.Add((at, Label(unit, at)));
            }

            return ticks;
        }

        /// <summary>The first tick at or after <paramref name="start"/>, aligned to the step (6-hour ticks at 0, 6, 12, 18; quarters at Jan, Apr, ...).</summary>
        private static DateTime First(Unit unit, int count, DateTime start)
        {
            switch (unit)
            {
                case Unit.Hour:
                    DateTime hour = new DateTime(start.Year, start.Month, start.Day, start.Hour, 0, 0, start.Kind);
                    hour = hour < start ? hour.AddHours(1) : hour;
                    return hour.AddHours((count - hour.Hour % count) % count);
                case Unit.Day:
                    return Ceiling(start);
                case Unit.Week:
                    DateTime day = Ceiling(start);
                    return day.AddDays(((int)DayOfWeek.Monday - (int)day.DayOfWeek + 7) % 7);
                case Unit.Month:
                    DateTime month = new DateTime(start.Year, start.Month, 1, 0, 0, 0, start.Kind);
                    month = month < start ? month.AddMonths(1) : month;
                    return month.AddMonths((count - (month.Month - 1) % count) % count);
                default:
                    DateTime year = new DateTime(start.Year, 1, 1, 0, 0, 0, start.Kind);
                    year = year < start ? year.AddYears(1) : year;
                    return year.AddYears((count - year.Year % count) % count);
            }
        }

        private static DateTime Ceiling(DateTime at) => at.TimeOfDay == TimeSpan.Zero ? at : at.Date.AddDays(1);

        private static DateTime Next(Unit unit, int count, DateTime at) => unit switch
        {
            Unit.Hour => at.AddHours(count),
            Unit.Day => at.AddDays(count),
            Unit.Week => at.AddDays(7 * count),
            Unit.Month => at.AddMonths(count),
            _ => at.AddYears(count),
        };

        private static string Label(Unit unit, DateTime at) => unit switch
        {
            Unit.Hour when at.TimeOfDay != TimeSpan.Zero => at.ToString("HH:mm", Invariant),
            Unit.Hour or Unit.Day or Unit.Week => at.ToString("d MMM", Invariant),
            Unit.Month => at.ToString("MMM yyyy", Invariant),
            _ => at.ToString("yyyy", Invariant),
        };
    }
}
