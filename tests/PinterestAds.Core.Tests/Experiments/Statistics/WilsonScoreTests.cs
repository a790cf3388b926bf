using PinterestAds.Core.Experiments.Statistics;
using Xunit;

namespace PinterestAds.Core.Tests.Experiments.Statistics;

public sealed class WilsonScoreTests
{
    // Newcombe RG (1998), "Two-sided confidence intervals for the single proportion: comparison of
    // seven methods", Statistics in Medicine 17:857-872, Table I, method 3 (score method without
    // continuity correction), printed to 4 decimals.
    [Theory]
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Matches_Newcombe_1998_table_I(long successes, long trials, double low, double high)
    {
        Interval interval = WilsonScore.Interval95(successes, trials);

        Assert.Equal(low, interval.Low, 4);
        Assert.Equal(high, interval.High, 4);
    }

    // R package binom, binom.confint(x, n, tol = 1e-8), method "wilson", as recorded in statsmodels'
    // test results (statsmodels/stats/tests/results/results_proportion.py, res_binom, last column).
    [Theory]
    [InlineData(18, 20, 0.6989663547715128, 0.972133518786232)]
    [InlineData(4, 20, 0.0806576625797981, 0.4160174322518935)]
    [InlineData(4, 200, 0.00780442641634947, 0.05028708690582643)]
    [InlineData(190, 200, 0.910421851861224, 0.972617354399236)]
    [InlineData(1, 30, 0.005908590, 0.16670391)]
    [InlineData(29, 30, 0.8332961, 0.9940914)]
    public void Matches_R_binom_confint_wilson(long successes, long trials, double low, double high)
    {
        Interval interval = WilsonScore.Interval95(successes, trials);

        Assert.Equal(low, interval.Low, 7);
        Assert.Equal(high, interval.High, 7);
    }

    // R: prop.test(73, 86, p = 0.9, correct = FALSE)$conf.int, recorded in statsmodels'
    // statsmodels/stats/tests/test_proportion.py (TestProportion.res_prop_test_1.conf_int).
    [Fact]
    public void Matches_R_prop_test_without_continuity_correction_to_1e_13()
    {
        Interval interval = WilsonScore.Interval95(73, 86);

        Assert.Equal(0.758364348004061, interval.Low, 1e-13);
        Assert.Equal(0.9094787701686766, interval.High, 1e-13);
    }

    // binom.confint(0, 30) and binom.confint(30, 30), method "wilson" (same statsmodels record).
    [Fact]
    public void No_successes_starts_at_exactly_zero_with_a_positive_upper_bound()
    {
        Interval interval = WilsonScore.Interval95(0, 30);

        Assert.Equal(0.0, interval.Low);
        Assert.Equal(0.11351339, interval.High, 7);
    }

    [Fact]
    public void All_successes_ends_at_exactly_one_with_a_lower_bound_below_it()
    {
        Interval interval = WilsonScore.Interval95(30, 30);

        Assert.Equal(0.8864866, interval.Low, 7);
        Assert.Equal(1.0, interval.High);
    }

    [Fact]
    public void One_trial_gives_a_wide_interval_inside_zero_to_one()
    {
        Interval none = WilsonScore.Interval95(0, 1);
        Interval one = WilsonScore.Interval95(1, 1);

        Assert.Equal(0.0, none.Low);
        Assert.Equal(1.0, one.High);
        // Symmetry of the score interval: x of n mirrors n - x of n.
        Assert.Equal(1 - none.High, one.Low, 15);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(-1, 10)]
    [InlineData(11, 10)]
    public void Refuses_counts_that_are_not_a_proportion(long successes, long trials)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WilsonScore.Interval95(successes, trials));
    }
}
