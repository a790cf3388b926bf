using PinterestAds.Core.Experiments.Statistics;
using Xunit;

namespace PinterestAds.Core.Tests.Experiments.Statistics;

public sealed class NormalTailTests
{
    // Reference: P(|Z| >= z) = erfc(z / sqrt 2), computed with mpmath 1.3.0 at 50 significant digits
    // (mpmath.erfc(mpf(z) / sqrt(2)) with z the exact double shown) and rounded to 30. The z values
    // are the two-sided 0.05 ... 1e-12 quantiles (as doubles) and a few round numbers; the first
    // digits agree with Abramowitz & Stegun (1964) table 26.1 where it reaches (e.g. 2Q(3) = 0.0026998).
    [Theory]
    [InlineData(0.5, 0.617075077451973792724590778783)]
    [InlineData(1.0, 0.317310507862914102829534908736)]
    [InlineData(1.959963984540054, 0.0500000000000000217523360484462)]
    [InlineData(2.5758293035489004, 0.0100000000000000108974688371731)]
    [InlineData(3.0, 0.00269979606326018905330362953519)]
    [InlineData(3.2905267314918945, 0.00100000000000000121240647598165)]
    [InlineData(3.890591886413094, 0.0000999999999999999166681409923861)]
    [InlineData(4.417173413469023, 0.00000999999999999997758241661106809)]
    [InlineData(4.891638475698502, 0.00000100000000000044764511531774451)]
    [InlineData(5.326723886384444, 0.000000100000000000028579606537424074)]
    [InlineData(5.730728868236196, 0.000000010000000000005529089519667504)]
    [InlineData(6.109410204869036, 0.00000000100000000000226287141588542374)]
    [InlineData(6.466951087240516, 1.00000000000000088197093841748e-10)]
    [InlineData(6.5, 8.0320011677182356166922908448e-11)]
    [InlineData(6.806502490740626, 1.0000000000000021712912673134e-11)]
    [InlineData(7.130506848171325, 9.99999999999997945040558313062e-13)]
    public void Two_sided_tail_is_accurate_to_1e_12_relative_down_to_1e_10_and_beyond(double z, double reference)
    {
        AssertRelative(reference, NormalTail.TwoSided(z), 1e-12);
        AssertRelative(reference, NormalTail.TwoSided(-z), 1e-12);
    }

    [Fact]
    public void The_95_percent_quantile_leaves_exactly_5_percent_in_both_tails()
    {
        AssertRelative(0.05, NormalTail.TwoSided(NormalTail.Z95), 1e-14);
    }

    [Fact]
    public void Zero_gives_one_and_infinity_gives_zero()
    {
        Assert.Equal(1.0, NormalTail.TwoSided(0));
        Assert.Equal(0.0, NormalTail.TwoSided(double.PositiveInfinity));
        Assert.Equal(0.0, NormalTail.TwoSided(double.NegativeInfinity));
    }

    internal static void AssertRelative(double expected, double actual, double tolerance)
    {
        double relative = Math.Abs(actual - expected) / Math.Abs(expected);
        Assert.True(relative <= tolerance, $"expected {expected:R}, got {actual:R}: relative error {relative:E2} > {tolerance:E0}");
    }
}
