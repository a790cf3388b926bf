using PinterestAds.Core.Experiments.Statistics;
using Xunit;

namespace PinterestAds.Core.Tests.Experiments.Statistics;

public sealed class ProportionTestTests
{
    // statsmodels' documented example of proportions_ztest (count = [5, 12], nobs = [83, 99]: p-value
    // printed as 0.159), to full precision in statsmodels/stats/tests/test_proportion.py,
    // TestProportion.test_default_values: z = -1.4078304151258787, p = 0.15918129181156992.
    [Fact]
    public void Matches_the_statsmodels_proportions_ztest_example()
    {
        ProportionTest test = ProportionTest.TwoSided(5, 83, 12, 99);

        Assert.Equal(-1.4078304151258787, test.Z, 1e-13);
        NormalTailTests.AssertRelative(0.15918129181156992, test.PValue, 1e-12);
        Assert.Equal(0.159, Math.Round(test.PValue, 3));
    }

    // Pairwise pooled tests without continuity correction of 73/86, 90/93, 114/136 and 75/82
    // (statsmodels/stats/tests/test_proportion.py, TestProportion.res_ppt_pvals_raw, pairs in the
    // order (1,2) (1,3) (1,4) (2,3) (2,4) (3,4), beside the R prop.test output the same class records).
    [Theory]
    [InlineData(73, 86, 90, 93, 0.00533824886503131)]
    [InlineData(73, 86, 114, 136, 0.8327574849753566)]
    [InlineData(73, 86, 75, 82, 0.1880573726722516)]
    [InlineData(90, 93, 114, 136, 0.002026764254350234)]
    [InlineData(90, 93, 75, 82, 0.1309487516334318)]
    [InlineData(114, 136, 75, 82, 0.1076118730631731)]
    public void Matches_pairwise_prop_test_p_values(long x1, long n1, long x2, long n2, double pValue)
    {
        NormalTailTests.AssertRelative(pValue, ProportionTest.TwoSided(x1, n1, x2, n2).PValue, 1e-12);
        NormalTailTests.AssertRelative(pValue, ProportionTest.TwoSided(x2, n2, x1, n1).PValue, 1e-12);
    }

    [Fact]
    public void The_sign_of_z_says_which_proportion_is_larger()
    {
        Assert.True(ProportionTest.TwoSided(90, 93, 73, 86).Z > 0);
        Assert.True(ProportionTest.TwoSided(73, 86, 90, 93).Z < 0);
    }

    [Theory]
    [InlineData(0, 500, 0, 800)]
    [InlineData(500, 500, 800, 800)]
    public void Identical_degenerate_arms_give_p_one_not_NaN(long x1, long n1, long x2, long n2)
    {
        ProportionTest test = ProportionTest.TwoSided(x1, n1, x2, n2);

        Assert.Equal(0.0, test.Z);
        Assert.Equal(1.0, test.PValue);
    }

    [Theory]
    [InlineData(0, 0, 1, 10)]
    [InlineData(1, 10, 0, 0)]
    [InlineData(11, 10, 1, 10)]
    public void Refuses_counts_that_are_not_proportions(long x1, long n1, long x2, long n2)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProportionTest.TwoSided(x1, n1, x2, n2));
    }
}
