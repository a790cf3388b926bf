using System;
using System.Globalization;
using PinterestAds.Core.Http;
using Xunit;

namespace PinterestAds.Core.Tests.Http;

public sealed class ServerClockTests
{
    private static readonly DateTimeOffset Local = new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    private static string DateHeader(DateTimeOffset serverTime) => serverTime.ToString("r", CultureInfo.InvariantCulture);

    [Fact]
    public void Without_a_Date_header_Pinterest_time_is_ours_give_or_take_the_unmeasured_skew()
    {
        var clock = new ServerClock();

        var range = clock.ToServer(Local);

        Assert.Equal(Local - ServerClock.UnmeasuredSkew, range.Earliest);
        Assert.Equal(Local + ServerClock.UnmeasuredSkew, range.Latest);
    }

    [Fact]
    public void A_Date_header_bounds_the_offset_by_the_round_trip_and_the_header_truncation()
    {
        var clock = new ServerClock();

        // Pinterest's clock is 10 s ahead; the answer took 200 ms.
        clock.Observe(Local, Local.AddMilliseconds(200), DateHeader(Local.AddSeconds(10)));

        var range = clock.ToServer(Local);
        Assert.Equal(Local.AddSeconds(10).AddMilliseconds(-200), range.Earliest);
        Assert.Equal(Local.AddSeconds(11), range.Latest);
    }

    [Fact]
    public void The_same_header_seen_again_narrows_the_bounds_with_the_later_round_trip()
    {
        var clock = new ServerClock();
        string header = DateHeader(Local.AddSeconds(10));
        clock.Observe(Local, Local.AddMilliseconds(200), header);

        // Half a second later, still the same (truncated) second: sent later, so the high bound comes down.
        clock.Observe(Local.AddMilliseconds(500), Local.AddMilliseconds(600), header);

        var range = clock.ToServer(Local);
        Assert.Equal(Local.AddSeconds(10).AddMilliseconds(-200), range.Earliest);
        Assert.Equal(Local.AddSeconds(10).AddMilliseconds(500), range.Latest);
    }

    [Fact]
    public void A_header_that_contradicts_the_bounds_starts_over_from_itself()
    {
        var clock = new ServerClock();
        clock.Observe(Local, Local.AddMilliseconds(100), DateHeader(Local.AddSeconds(10)));

        // Pinterest's clock stepped back by a minute.
        clock.Observe(Local.AddSeconds(1), Local.AddSeconds(1).AddMilliseconds(100), DateHeader(Local.AddSeconds(1 - 50)));

        var range = clock.ToServer(Local);
        Assert.Equal(Local.AddSeconds(-50).AddMilliseconds(-100), range.Earliest);
        Assert.Equal(Local.AddSeconds(-49), range.Latest);
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday at noon")]
    public void A_header_that_is_not_a_date_changes_nothing(string header)
    {
        var clock = new ServerClock();
        clock.Observe(Local, Local, header);
        Assert.Equal(Local - ServerClock.UnmeasuredSkew, clock.ToServer(Local).Earliest);

        clock.Observe(Local, Local.AddMilliseconds(100), DateHeader(Local.AddSeconds(10)));
        clock.Observe(Local, Local, header);

        var range = clock.ToServer(Local);
        Assert.Equal(Local.AddSeconds(10).AddMilliseconds(-100), range.Earliest);
        Assert.Equal(Local.AddSeconds(11), range.Latest);
    }
}
