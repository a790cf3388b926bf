using System;
using System.Collections.Generic;
using System.Linq;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Analytics.Planning
{
    /// <summary>
    /// Splits a date range into the fewest spans Pinterest answers: synchronous requests of up to 90
    /// days within the last 90 days, async reports of up to 186 days for older history (914 days
    /// back at most). Weeks (Monday-based) and months are never cut, so every row covers the same
    /// days it would in one request; a Total is one span or an error.
    /// </summary>
    public static class DateSplitter
    {
        public static IReadOnlyList<PlannedSpan> Split(DateSpan range, AnalyticsGranularity granularity, DateTime today)
        {
            var units = Units(range, granularity).ToList();
            var kinds = units.Select(unit => KindOf(unit, granularity, today)).ToArray();
            int syncDays = granularity == AnalyticsGranularity.Hour ? AnalyticsLimits.HourDaysPerRequest : AnalyticsLimits.SyncDaysPerRequest;

            // The sync window is 91 days but a request holds 90: when an older part goes to reports
            // anyway, the first recent units may join the last report if that saves a request.
            int firstSync = Array.IndexOf(kinds, RequestKind.Sync);
            var best = Group(units, kinds, syncDays);
            for (int moved = 1; firstSync > 0 && firstSync + moved <= units.Count; moved++)
            {
                var trial = (RequestKind[])kinds.Clone();
                for (int i = firstSync; i < firstSync + moved; i++)
                {
                    trial[i] = RequestKind.Report;
                }

                var plan = Group(units, trial, syncDays);
                if (plan.Count < best.Count)
                {
                    best = plan;
                }
            }

            return best;
        }

        /// <summary>The periods a row can cover: days (Day, Hour), Monday-based weeks, calendar months, or the whole range.</summary>
        internal static IEnumerable<DateSpan> Units(DateSpan range, AnalyticsGranularity granularity)
        {
            if (granularity == AnalyticsGranularity.Total)
            {
                yield return range;
                yield break;
            }

            for (DateTime first = range.Start; first <= range.End;)
            {
                DateTime next = granularity switch
                {
                    AnalyticsGranularity.Week => first.AddDays(7 - (((int)first.DayOfWeek + 6) % 7)),
                    AnalyticsGranularity.Month => new DateTime(first.Year, first.Month, 1).AddMonths(1),
                    _ => first.AddDays(1),
                };
                DateTime last = next.AddDays(-1) < range.End ? next.AddDays(-1) : range.End;
                yield return new DateSpan(first, last);
                first = next;
            }
        }

        private static RequestKind KindOf(DateSpan unit, AnalyticsGranularity granularity, DateTime today)
        {
            if (unit.Start >= today.AddDays(-AnalyticsLimits.SyncDaysBack) && unit.Days <= AnalyticsLimits.SyncDaysPerRequest)
            {
                return RequestKind.Sync;
            }

            DateTime oldest = today.AddDays(-AnalyticsLimits.ReportDaysBack);
            if (unit.Start < oldest)
            {
                throw PinterestAdsException.InvalidArgument(
                    nameof(AnalyticsQuery.StartDate),
                    $"Pinterest keeps analytics for {AnalyticsLimits.ReportDaysBack} days: {DateSpan.Format(unit.Start)} is before {DateSpan.Format(oldest)}. Start on or after {DateSpan.Format(oldest)}. Nothing was sent.",
                    unit.Start);
            }

            if (unit.Days > AnalyticsLimits.ReportDaysPerRequest)
            {
                throw PinterestAdsException.InvalidArgument(
                    nameof(AnalyticsQuery.Granularity),
                    $"a Total over {unit} ({unit.Days} days) does not fit one request: Pinterest totals at most {AnalyticsLimits.SyncDaysPerRequest} days within the last {AnalyticsLimits.SyncDaysBack}, " +
                    $"or {AnalyticsLimits.ReportDaysPerRequest} days of older history. Use -Granularity Day, Week or Month (and add the rows up), or a shorter range. Nothing was sent.",
                    granularity);
            }

            return RequestKind.Report;
        }

        /// <summary>Consecutive units of one kind, greedily, up to the days one request of that kind holds.</summary>
        private static List<PlannedSpan> Group(List<DateSpan> units, RequestKind[] kinds, int syncDays)
        {
            var spans = new List<PlannedSpan>();
            for (int i = 0; i < units.Count;)
            {
                RequestKind kind = kinds[i];
                int limit = kind == RequestKind.Sync ? syncDays : AnalyticsLimits.ReportDaysPerRequest;
                DateTime start = units[i].Start;
                DateTime end = units[i].End;
                for (i++; i < units.Count && kinds[i] == kind && (units[i].End - start).TotalDays + 1 <= limit; i++)
                {
                    end = units[i].End;
                }

                spans.Add(new PlannedSpan(new DateSpan(start, end), kind));
            }

            return spans;
        }
    }
}
