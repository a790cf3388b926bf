using System;
using System.Globalization;

namespace PinterestAds.Testing.Analytics
{
    /// <summary>
    /// How far back and how long a request may reach. Ranges are counted as Pinterest words them
    /// ("end_date cannot be more than 90 days past start_date"): end − start, in days.
    /// </summary>
    internal sealed class DateRules
    {
        private DateRules(int maxDaysBack, int maxRange, string tooLongMessage)
        {
            MaxDaysBack = maxDaysBack;
            MaxRange = maxRange;
            TooLongMessage = tooLongMessage;
        }

        /// <summary>Synchronous analytics: 90 days back, end at most 90 days after start.</summary>
        public static DateRules Sync { get; } = new DateRules(90, 90, "end_date cannot be more than 90 days past start_date.");

        /// <summary>Async reports: 914 days back; "The time range specified is too large, it must be less than 186 days".</summary>
        public static DateRules Async { get; } = new DateRules(914, 185, "The time range specified is too large, it must be less than 186 days.");

        /// <summary>PRODUCT_ITEM reports: 92 days back, 31 days long.</summary>
        public static DateRules ProductItem { get; } = new DateRules(92, 30, "The time range specified is too large, it must be less than 31 days.");

        /// <summary>HOUR granularity everywhere: 8 days back, end at most 3 days after start.</summary>
        public static DateRules Hourly { get; } = new DateRules(8, 3, "With granularity HOUR, end_date cannot be more than 3 days past start_date.");

        public int MaxDaysBack { get; }

        public int MaxRange { get; }

        private string TooLongMessage { get; }

        public static DateTime? Parse(string? text) =>
            text != null && DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime day) ? day : (DateTime?)null;

        /// <summary>Why the range is refused, or null when Pinterest would accept it.</summary>
        public string? Problem(DateTime start, DateTime end, DateTime today)
        {
            if (end < start)
            {
                return "end_date (" + TimeBuckets.Format(end) + ") is before start_date (" + TimeBuckets.Format(start) + ").";
            }

            if (end > today)
            {
                return "end_date (" + TimeBuckets.Format(end) + ") is in the future (today is " + TimeBuckets.Format(today) + " UTC).";
            }

            if (start < today.AddDays(-MaxDaysBack))
            {
                return "You can only get data from the last " + MaxDaysBack + " days: start_date (" + TimeBuckets.Format(start) + ") is before " + TimeBuckets.Format(today.AddDays(-MaxDaysBack)) + ".";
            }

            return (end - start).TotalDays > MaxRange ? TooLongMessage : null;
        }
    }
}
