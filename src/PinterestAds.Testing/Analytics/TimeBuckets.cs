using System;
using System.Collections.Generic;
using System.Globalization;

namespace PinterestAds.Testing.Analytics
{
    /// <summary>One row's time span: the DATE it shows (null for TOTAL) and the day/hour cells it sums.</summary>
    internal sealed class TimeBucket
    {
        public TimeBucket(string? date, IReadOnlyList<DateTime> days, int? hour)
        {
            Date = date;
            Days = days;
            Hour = hour;
        }

        public string? Date { get; }

        public IReadOnlyList<DateTime> Days { get; }

        /// <summary>Set for HOUR rows (one day, one hour).</summary>
        public int? Hour { get; }
    }

    /// <summary>
    /// Splits an inclusive date range by granularity: TOTAL (one bucket), DAY, HOUR (DATE
    /// "yyyy-MM-dd HH:00:00"), WEEK (Monday-based) and MONTH; a WEEK or MONTH row's DATE is the
    /// first requested day it covers.
    /// </summary>
    internal static class TimeBuckets
    {
        public static readonly string[] Granularities = { "TOTAL", "DAY", "HOUR", "WEEK", "MONTH" };

        public static IEnumerable<TimeBucket> Split(DateTime start, DateTime end, string granularity)
        {
            switch (granularity)
            {
                case "TOTAL":
                    yield return new TimeBucket(null, Days(start, end), null);
                    break;
                case "DAY":
                    for (DateTime day = start; day <= end; day = day.AddDays(1))
                    {
                        yield return new TimeBucket(Format(day), new[] { day }, null);
                    }

                    break;
                case "HOUR":
                    for (DateTime day = start; day <= end; day = day.AddDays(1))
                    {
                        for (int hour = 0; hour < 24; hour++)
                        {
                            yield return new TimeBucket(Format(day) + " " + hour.ToString("00", CultureInfo.InvariantCulture) + ":00:00", new[] { day }, hour);
                        }
                    }

                    break;
                default:
                    bool weekly = granularity == "WEEK";
                    DateTime first = start;
                    while (first <= end)
                    {
                        DateTime next = weekly ? NextMonday(first) : new DateTime(first.Year, first.Month, 1).AddMonths(1);
                        DateTime last = next.AddDays(-1) < end ? next.AddDays(-1) : end;
                        yield return new TimeBucket(Format(first), Days(first, last), null);
                        first = next;
                    }

                    break;
            }
        }

        private static DateTime NextMonday(DateTime day)
        {
            int days = (8 - (int)day.DayOfWeek) % 7;
            return day.AddDays(days == 0 ? 7 : days);
        }

        public static string Format(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        private static List<DateTime> Days(DateTime start, DateTime end)
        {
            var days = new List<DateTime>();
            for (DateTime day = start; day <= end; day = day.AddDays(1))
            {
                days.Add(day);
            }

            return days;
        }
    }
}
