using Xunit;

namespace PinterestAds.Core.Tests.Limiting;

public sealed class SweepTests
{
    [Fact]
    public void The_sweep_catches_one_admission_too_many() =>
        Assert.Equal(4, Sweep.MaxInAnyWindow(new long[] { 0, 10, 500, 999, 1500 }, 1000));

    [Fact]
    public void Admissions_exactly_one_window_apart_are_in_different_windows() =>
        Assert.Equal(1, Sweep.MaxInAnyWindow(new long[] { 0, 1000, 2000 }, 1000));
}
