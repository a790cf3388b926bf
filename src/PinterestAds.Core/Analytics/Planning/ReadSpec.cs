using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PinterestAds.Core.Ads.Values;
using PinterestAds.Core.Analytics.Columns;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Analytics.Planning
{
    /// <summary>
    /// An <see cref="AnalyticsQuery"/> checked against everything Pinterest would refuse, before
    /// anything is sent: the days (none in the future, none before the start, HOUR 8 days back and
    /// 3 days long), the columns (the spec's enum), the attribution windows and report time.
    /// </summary>
    public sealed class ReadSpec
    {
        private static readonly int[] WindowDays = { 0, 1, 7, 14, 30, 60 };
        private static readonly string[] ReportTimes = { "TIME_OF_AD_ACTION", "TIME_OF_CONVERSION" };

        private ReadSpec(AnalyticsQuery query, DateSpan range, string[] columns, string? reportTime)
        {
            Query = query;
            Range = range;
            Columns = columns;
            ConversionReportTime = reportTime;
        }

        public AnalyticsQuery Query { get; }

        public DateSpan Range { get; }

        /// <summary>Spelled as the spec's enum, without repeats; the defaults when none were given.</summary>
        public IReadOnlyList<string> Columns { get; }

        public string? ConversionReportTime { get; }

        /// <summary>The spec's spelling: TOTAL, DAY, HOUR, WEEK, MONTH.</summary>
        public string GranularityName => Query.Granularity.ToString().ToUpperInvariant();

        /// <param name="today">Today, UTC.</param>
        public static ReadSpec Check(AnalyticsQuery query, DateTime today)
        {
            today = today.Date;
            DateTime end = query.EndDate?.Date ?? today;
            DateTime start = query.StartDate?.Date ?? end.AddDays(1 - AnalyticsQuery.DefaultDays);
            if (end > today)
            {
                throw Refuse(nameof(query.EndDate), $"{DateSpan.Format(end)} is in the future (today is {DateSpan.Format(today)} UTC); Pinterest has no analytics for it yet.", end);
            }

            if (end < start)
            {
                string parameter = query.EndDate is null ? nameof(query.StartDate) : nameof(query.EndDate);
                throw Refuse(parameter, $"the range ends ({DateSpan.Format(end)}) before it starts ({DateSpan.Format(start)}).", end);
            }

            if (query.Granularity == AnalyticsGranularity.Hour)
            {
                CheckHours(start, end, today);
            }

            CheckWindow(nameof(query.ClickWindowDays), query.ClickWindowDays);
            CheckWindow(nameof(query.ViewWindowDays), query.ViewWindowDays);
            string? reportTime = query.ConversionReportTime is string time ? EnumValues.Require(nameof(query.ConversionReportTime), time, ReportTimes) : null;
            string[] columns = AnalyticsColumns.Require(nameof(query.Column), query.Column);
            return new ReadSpec(query, new DateSpan(start, end), columns, reportTime);
        }

        /// <summary>The requests that cover these ids, checked against what async reports take when the plan needs them.</summary>
        public IReadOnlyList<PlannedRequest> Plan(IReadOnlyList<string> ids, DateTime today)
        {
            var plan = RequestPlanner.Plan(ids, Range, Query.Granularity, today.Date);
            if (plan.Any(p => p.Kind == RequestKind.Report) && AnalyticsColumns.FirstNotInReports(Columns) is string column)
            {
                throw Refuse(
                    nameof(Query.Column),
                    $"{column} is not available from async reports, which serve the days before {DateSpan.Format(today.Date.AddDays(-AnalyticsLimits.SyncDaysBack))}. Leave it out, or start on or after that day.",
                    column);
            }

            return plan;
        }

        private static void CheckHours(DateTime start, DateTime end, DateTime today)
        {
            DateTime oldest = today.AddDays(-AnalyticsLimits.HourDaysBack);
            if (start < oldest)
            {
                throw Refuse(nameof(AnalyticsQuery.StartDate), $"hourly analytics reach back {AnalyticsLimits.HourDaysBack} days: {DateSpan.Format(start)} is before {DateSpan.Format(oldest)}. Start on or after {DateSpan.Format(oldest)}, or use -Granularity Day.", start);
            }

            int days = new DateSpan(start, end).Days;
            if (days > AnalyticsLimits.HourDaysPerRequest)
            {
                throw Refuse(nameof(AnalyticsQuery.Granularity), $"Hour covers at most {AnalyticsLimits.HourDaysPerRequest} days per request, and {DateSpan.Format(start)} to {DateSpan.Format(end)} is {days}. Shorten the range, or use -Granularity Day.", days);
            }
        }

        private static void CheckWindow(string parameter, int? days)
        {
            if (days is int value && Array.IndexOf(WindowDays, value) < 0)
            {
                throw Refuse(parameter, $"{value.ToString(CultureInfo.InvariantCulture)} is not an attribution window Pinterest offers: use 0, 1, 7, 14, 30 or 60 days.", value);
            }
        }

        private static PinterestAdsException Refuse(string parameter, string rule, object? target) =>
            PinterestAdsException.InvalidArgument(parameter, rule + " Nothing was sent.", target);
    }
}
