using PinterestAds.Core.Analytics;
using PinterestAds.Core.Analytics.Planning;
using PinterestAds.Core.Errors;
using Xunit;

namespace PinterestAds.Core.Tests.Analytics;

/// <summary>The request planner and the date splitting: the fewest requests, each within Pinterest's limits, covering every id and day once.</summary>
public sealed class RequestPlannerTests
{
    private static readonly DateTime Today = new DateTime(2026, 12, 4);

    [Theory]
    [InlineData(300, 60, 2)]
    [InlineData(250, 90, 1)]
    [InlineData(251, 90, 2)]
    [InlineData(1000, 60, 4)]
    [InlineData(250, 91, 2)]
    [InlineData(250, 180, 1)]
    [InlineData(600, 180, 2)]
    [InlineData(10, 400, 3)]
    [InlineData(1, 914, 5)]
    public void Plans_n_ids_over_d_days_ending_today_in_the_fewest_requests(int ids, int days, int requests)
    {
        var plan = Plan(ids, Today.AddDays(1 - days), Today, AnalyticsGranularity.Day);

        Assert.Equal(requests, plan.Count);
        Assert.True(plan.Count <= Formula(ids, days), $"{plan.Count} requests, more than the formula's {Formula(ids, days)}");
        AssertCoversOnce(plan, ids, Today.AddDays(1 - days), Today);
    }

    [Fact]
    public void Never_plans_more_than_the_formula_and_always_within_the_limits()
    {
        var random = new Random(8);
        for (int i = 0; i < 500; i++)
        {
            int ids = random.Next(0, 1300);
            DateTime end = Today.AddDays(-random.Next(0, 400));
            DateTime start = end.AddDays(-random.Next(0, Math.Min(500, (end - Today.AddDays(-914)).Days)));
            var granularity = new[] { AnalyticsGranularity.Day, AnalyticsGranularity.Week, AnalyticsGranularity.Month }[random.Next(3)];

            var plan = Plan(ids, start, end, granularity);

            // The formula counts days; weeks and months are never cut, so they may need a request more.
            if (granularity == AnalyticsGranularity.Day)
            {
                int days = (end - start).Days + 1;
                Assert.True(plan.Count <= Formula(Math.Max(ids, 1), days), $"{ids} ids, {start:yyyy-MM-dd} to {end:yyyy-MM-dd}: {plan.Count} requests");
            }

            AssertCoversOnce(plan, ids, start, end);
        }
    }

    [Fact]
    public void Sends_older_history_to_reports_of_at_most_186_days_and_recent_days_to_requests_of_90()
    {
        var plan = Plan(3, Today.AddDays(-299), Today.AddDays(-100), AnalyticsGranularity.Day);

        Assert.Equal(2, plan.Count);
        Assert.All(plan, p => Assert.Equal(RequestKind.Report, p.Kind));
        Assert.Equal(200, plan.Sum(p => p.Span.Days));
        Assert.All(plan, p => Assert.True(p.Span.Days <= AnalyticsLimits.ReportDaysPerRequest));
    }

    [Fact]
    public void Cuts_no_week_or_month_between_two_requests()
    {
        foreach (var granularity in new[] { AnalyticsGranularity.Week, AnalyticsGranularity.Month })
        {
            var plan = Plan(5, Today.AddDays(-700), Today, granularity);
            foreach (var request in plan.Skip(1))
            {
                DateTime start = request.Span.Start;
                Assert.True(granularity == AnalyticsGranularity.Week ? start.DayOfWeek == DayOfWeek.Monday : start.Day == 1, $"{granularity} cut at {start:yyyy-MM-dd}");
            }
        }
    }

    [Fact]
    public void Splits_hours_into_requests_of_three_days()
    {
        var plan = Plan(1, Today.AddDays(-7), Today, AnalyticsGranularity.Hour);
        Assert.Equal(3, plan.Count);
        Assert.All(plan, p => Assert.True(p.Span.Days <= 3 && p.Kind == RequestKind.Sync));
    }

    [Fact]
    public void Refuses_a_total_longer_than_one_request_holds_naming_the_granularity()
    {
        var error = Assert.Throws<PinterestAdsException>(() => Plan(1, Today.AddDays(-399), Today, AnalyticsGranularity.Total));
        Assert.Contains("-Granularity", error.Message);
        Assert.Contains("Nothing was sent", error.Message);
    }

    [Fact]
    public void Refuses_history_older_than_914_days_naming_the_start_date()
    {
        var error = Assert.Throws<PinterestAdsException>(() => Plan(1, Today.AddDays(-915), Today.AddDays(-900), AnalyticsGranularity.Day));
        Assert.Contains("-StartDate", error.Message);
        Assert.Contains("914", error.Message);
    }

    private static IReadOnlyList<PlannedRequest> Plan(int ids, DateTime start, DateTime end, AnalyticsGranularity granularity) =>
        RequestPlanner.Plan(Enumerable.Range(1, ids).Select(i => i.ToString()).ToArray(), new DateSpan(start, end), granularity, Today);

    private static int Formula(int ids, int days) => (int)(Math.Ceiling(ids / 250.0) * Math.Ceiling(days / 90.0));

    /// <summary>Every (id, day) in exactly one request, each request within its kind's limits.</summary>
    private static void AssertCoversOnce(IReadOnlyList<PlannedRequest> plan, int ids, DateTime start, DateTime end)
    {
        var seen = new HashSet<(string, DateTime)>();
        foreach (var request in plan)
        {
            bool sync = request.Kind == RequestKind.Sync;
            Assert.True(request.Ids.Count <= (sync ? AnalyticsLimits.SyncIdsPerRequest : AnalyticsLimits.ReportIdsPerRequest));
            Assert.True(request.Span.Days <= (sync ? AnalyticsLimits.SyncDaysPerRequest : AnalyticsLimits.ReportDaysPerRequest), $"{request} is too long");
            Assert.True(request.Span.Start >= Today.AddDays(-(sync ? AnalyticsLimits.SyncDaysBack : AnalyticsLimits.ReportDaysBack)), $"{request} starts too far back");
            foreach (string id in ids == 0 ? new[] { "account" } : request.Ids)
            {
                for (DateTime day = request.Span.Start; day <= request.Span.End; day = day.AddDays(1))
                {
                    Assert.True(seen.Add((id, day)), $"{id} on {day:yyyy-MM-dd} is planned twice");
                }
            }
        }

        Assert.Equal(Math.Max(ids, 1) * ((end - start).Days + 1), seen.Count);
    }
}
