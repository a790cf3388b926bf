using PinterestAds.Core.Limiting;
using Xunit;

namespace PinterestAds.Core.Tests.Limiting;

public sealed class SlidingWindowLogTests
{
    private const long Second = 1_000_000;

    [Fact]
    public void Admits_up_to_the_budget_then_says_when_the_oldest_leaves_the_window()
    {
        var log = new List<long>();
        long now = 1000 * Second;
        for (int i = 0; i < 3; i++)
        {
            var decision = SlidingWindowLog.Decide(log, now + i, 10 * Second, 3, charge: true);
            Assert.True(decision.Allowed);
            log.Add(decision.StoreTimeMicroseconds);
        }

        var denied = SlidingWindowLog.Decide(log, now + 4 * Second, 10 * Second, 3, charge: true);
        Assert.False(denied.Allowed);
        Assert.Equal(0, denied.Remaining);
        Assert.Equal(TimeSpan.FromSeconds(6), denied.RetryAfter);

        // Exactly one window after the oldest admission it has left: (now - T, now].
        Assert.True(SlidingWindowLog.Decide(log, now + 10 * Second, 10 * Second, 3, charge: true).Allowed);
    }

    [Fact]
    public void Never_goes_back_in_time_when_the_clock_steps_back()
    {
        var log = new List<long> { 2000 * Second };

        var decision = SlidingWindowLog.Decide(log, 1990 * Second, 10 * Second, 5, charge: true);

        Assert.True(decision.Allowed);
        Assert.Equal(2000 * Second + 1, decision.StoreTimeMicroseconds);
        Assert.Equal(2, decision.Used);
    }

    [Fact]
    public void Inspecting_charges_nothing()
    {
        var log = new List<long> { 1 * Second, 2 * Second };

        var decision = SlidingWindowLog.Decide(log, 3 * Second, 10 * Second, 2, charge: false);

        Assert.False(decision.Allowed);
        Assert.Equal(2, decision.Used);
        Assert.Equal(TimeSpan.FromSeconds(8), decision.RetryAfter);
    }
}
