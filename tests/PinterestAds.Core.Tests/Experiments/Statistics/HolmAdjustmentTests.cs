using PinterestAds.Core.Experiments.Statistics;
using Xunit;

namespace PinterestAds.Core.Tests.Experiments.Statistics;

public sealed class HolmAdjustmentTests
{
    // Holm-adjusted pairwise p-values of statsmodels' reference case
    // (statsmodels/stats/tests/test_proportion.py, TestProportion.res_ppt_pvals_raw -> res_ppt_pvals_holm,
    // the values of R's p.adjust(p, "holm")). The last three raw values step down to one tied adjusted value.
    [Fact]
    public void Matches_the_statsmodels_R_reference_including_the_step_down_maximum()
    {
        double[] raw = { 0.00533824886503131, 0.8327574849753566, 0.1880573726722516, 0.002026764254350234, 0.1309487516334318, 0.1076118730631731 };
        double[] holm = { 0.02669124432515654, 0.8327574849753566, 0.4304474922526926, 0.0121605855261014, 0.4304474922526926, 0.4304474922526926 };

        double[] adjusted = HolmAdjustment.Adjust(raw);

        for (int i = 0; i < raw.Length; i++)
        {
            Assert.Equal(holm[i], adjusted[i], 1e-15);
        }
    }

    // Holm (1979) as the Wikipedia article "Holm-Bonferroni method" works it: four hypotheses with
    // p = 0.01, 0.04, 0.03, 0.005 at alpha = 0.05 reject H1 and H4 only (0.005 < 0.05/4,
    // 0.01 < 0.05/3, then 0.03 > 0.05/2 stops). In adjusted form: 4(0.005), 3(0.01), 2(0.03), max(0.04, 0.06).
    [Fact]
    public void Rejects_what_Holms_procedure_rejects()
    {
        double[] adjusted = HolmAdjustment.Adjust(new[] { 0.01, 0.04, 0.03, 0.005 });

        Assert.Equal(new[] { 0.03, 0.06, 0.06, 0.02 }, adjusted.Select(p => Math.Round(p, 12)));
        Assert.Equal(new[] { true, false, false, true }, adjusted.Select(p => p < 0.05));
    }

    [Fact]
    public void A_single_test_is_not_adjusted()
    {
        Assert.Equal(new[] { 0.0312 }, HolmAdjustment.Adjust(new[] { 0.0312 }));
    }

    [Fact]
    public void No_tests_give_no_values()
    {
        Assert.Empty(HolmAdjustment.Adjust(Array.Empty<double>()));
    }

    [Fact]
    public void Ties_get_the_same_adjusted_value_wherever_they_stand()
    {
        double[] adjusted = HolmAdjustment.Adjust(new[] { 0.02, 0.01, 0.02, 0.2 });

        Assert.Equal(adjusted[0], adjusted[2]);
        Assert.Equal(new[] { 0.06, 0.04, 0.06, 0.2 }, adjusted.Select(p => Math.Round(p, 12)));
    }

    [Fact]
    public void Adjusted_values_are_capped_at_one_and_keep_the_order_of_the_raw_ones()
    {
        var random = new Random(20260301);
        double[] raw = Enumerable.Range(0, 40).Select(_ => random.NextDouble() * random.NextDouble()).ToArray();

        double[] adjusted = HolmAdjustment.Adjust(raw);

        Assert.All(adjusted, p => Assert.InRange(p, 0, 1));
        Assert.Contains(1.0, adjusted);
        for (int i = 0; i < raw.Length; i++)
        {
            Assert.True(adjusted[i] >= raw[i]);
            for (int j = 0; j < raw.Length; j++)
            {
                Assert.True(raw[i] > raw[j] || adjusted[i] <= adjusted[j], $"raw {raw[i]} <= {raw[j]} but adjusted {adjusted[i]} > {adjusted[j]}");
            }
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    public void Refuses_values_that_are_not_p_values(double bad)
    {
        Assert.Throws<ArgumentException>(() => HolmAdjustment.Adjust(new[] { 0.1, bad }));
    }
}
