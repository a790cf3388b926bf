using PinterestAds.Core.Errors;
using PinterestAds.Core.Experiments.Statistics;
using Xunit;

namespace PinterestAds.Core.Tests.Experiments.Statistics;

public sealed class ExperimentAnalysisTests
{
    private static VariantCounts Arm(string name, long impressions, long clicks, long conversions = 0, bool control = false, decimal spend = 100m) =>
        new() { Variant = name, IsControl = control, Status = control ? "ACTIVE" : "PAUSED", Spend = spend, Currency = "EUR", Impressions = impressions, Clicks = clicks, Conversions = conversions };

    private static VariantResult Single(IReadOnlyList<VariantResult> results, string name) => results.Single(r => r.Variant == name);

    // The four arms of statsmodels' R reference case (73/86, 90/93, 114/136, 75/82), judged on
    // conversions per click with the second arm as control. Expected p-values: the cited pairwise
    // values of ProportionTestTests; adjusted: Holm's multipliers 3, 2, 1 applied to them in ascending order.
    [Fact]
    public void Reports_the_cited_p_values_and_their_Holm_adjustment_against_the_control()
    {
        var results = ExperimentAnalysis.Analyze("spring", ExperimentMetric.ConversionRate, new[]
        {
            Arm("A", 5000, 86, 73),
            Arm("B", 5000, 93, 90, control: true),
            Arm("C", 5000, 136, 114),
            Arm("D", 5000, 82, 75),
        });

        Assert.Equal(new[] { "A", "B", "C", "D" }, results.Select(r => r.Variant));
        NormalTailTests.AssertRelative(0.00533824886503131, Single(results, "A").PValue!.Value, 1e-12);
        NormalTailTests.AssertRelative(0.002026764254350234, Single(results, "C").PValue!.Value, 1e-12);
        NormalTailTests.AssertRelative(0.1309487516334318, Single(results, "D").PValue!.Value, 1e-12);
        NormalTailTests.AssertRelative(2 * 0.00533824886503131, Single(results, "A").AdjustedPValue!.Value, 1e-12);
        NormalTailTests.AssertRelative(3 * 0.002026764254350234, Single(results, "C").AdjustedPValue!.Value, 1e-12);
        NormalTailTests.AssertRelative(0.1309487516334318, Single(results, "D").AdjustedPValue!.Value, 1e-12);
        // R prop.test(73, 86, correct = FALSE)$conf.int (see WilsonScoreTests).
        Assert.Equal(0.758364348004061, Single(results, "A").RateLow!.Value, 1e-13);
        Assert.Equal(0.9094787701686766, Single(results, "A").RateHigh!.Value, 1e-13);
        Assert.Equal(73.0 / 86, Single(results, "A").Rate);
        Assert.Equal(73.0 / 86, Single(results, "A").ConversionRate);
        Assert.Equal(86.0 / 5000, Single(results, "A").Ctr);
        Assert.Equal((73.0 / 86 - 90.0 / 93) / (90.0 / 93), Single(results, "A").Lift!.Value, 1e-15);
        // 93 clicks in the control: below the guard of 100, so no treatment gets a verdict yet.
        Assert.Equal(ExperimentVerdict.Control, Single(results, "B").Verdict);
        Assert.All(results.Where(r => !r.IsControl), r => Assert.Equal(ExperimentVerdict.InsufficientData, r.Verdict));
        Assert.Equal("A verdict needs at least 100 clicks in each arm; this variant has 86 and the control 93.", Single(results, "A").Note);
    }

    [Fact]
    public void The_control_has_rate_and_interval_but_no_comparison()
    {
        var control = Single(ExperimentAnalysis.Analyze("e", ExperimentMetric.Ctr, new[] { Arm("ctl", 10000, 1000, control: true), Arm("t", 10000, 1300) }), "ctl");

        Assert.Equal(0.1, control.Rate);
        Assert.NotNull(control.RateLow);
        Assert.Null(control.Lift);
        Assert.Null(control.PValue);
        Assert.Null(control.AdjustedPValue);
        Assert.Equal(ExperimentVerdict.Control, control.Verdict);
        Assert.Null(control.Note);
    }

    [Fact]
    public void A_clearly_higher_rate_is_Better_and_a_clearly_lower_one_Worse()
    {
        var results = ExperimentAnalysis.Analyze("e", ExperimentMetric.Ctr, new[]
        {
            Arm("ctl", 10000, 1000, control: true),
            Arm("up", 10000, 1300),
            Arm("down", 10000, 900),
        });

        Assert.Equal(ExperimentVerdict.Better, Single(results, "up").Verdict);
        Assert.Equal(0.3, Single(results, "up").Lift!.Value, 12);
        Assert.Equal(ExperimentVerdict.Worse, Single(results, "down").Verdict);
        Assert.Equal(-0.1, Single(results, "down").Lift!.Value, 12);
        Assert.True(Single(results, "down").AdjustedPValue < 0.05);
    }

    [Fact]
    public void Two_raw_p_values_below_5_percent_are_not_enough_when_Holm_lifts_them_above_it()
    {
        var results = ExperimentAnalysis.Analyze("e", ExperimentMetric.Ctr, new[]
        {
            Arm("ctl", 10000, 1000, control: true),
            Arm("a", 10000, 1094),
            Arm("b", 10000, 1088),
        });

        Assert.All(results.Where(r => !r.IsControl), r =>
        {
            Assert.InRange(r.PValue!.Value, 0.02, 0.05);
            Assert.True(r.AdjustedPValue >= 0.05);
            Assert.Equal(ExperimentVerdict.Inconclusive, r.Verdict);
        });
        Assert.Equal(2 * Single(results, "a").PValue!.Value, Single(results, "b").AdjustedPValue!.Value, 15);
    }

    [Fact]
    public void A_single_treatment_is_judged_on_its_unadjusted_p_value()
    {
        var t = Single(ExperimentAnalysis.Analyze("e", ExperimentMetric.Ctr, new[] { Arm("ctl", 10000, 1000, control: true), Arm("t", 10000, 1094) }), "t");

        Assert.Equal(t.PValue, t.AdjustedPValue);
        Assert.Equal(ExperimentVerdict.Better, t.Verdict);
    }

    [Fact]
    public void Many_treatments_share_one_Holm_family()
    {
        var arms = new List<VariantCounts> { Arm("ctl", 20000, 2000, control: true) };
        arms.AddRange(Enumerable.Range(1, 12).Select(i => Arm("t" + i, 20000, 2000 + 15 * i)));

        var treatments = ExperimentAnalysis.Analyze("e", ExperimentMetric.Ctr, arms).Where(r => !r.IsControl).ToList();

        double[] expected = HolmAdjustment.Adjust(treatments.Select(r => r.PValue!.Value).ToList());
        Assert.Equal(expected, treatments.Select(r => r.AdjustedPValue!.Value));
        // The largest lift (raw p = 0.0033 < 0.05 / 12) stays significant; the next ones, with raw
        // p-values of 0.007 to 0.048, would each pass alone but not among twelve.
        Assert.Equal(ExperimentVerdict.Better, treatments[^1].Verdict);
        Assert.All(treatments.Take(11), r => Assert.Equal(ExperimentVerdict.Inconclusive, r.Verdict));
        Assert.Equal(5, treatments.Count(r => r.PValue < 0.05));
        Assert.All(treatments, r => Assert.True(r.AdjustedPValue >= r.PValue));
    }

    [Theory]
    [InlineData(ExperimentMetric.Ctr, 99, 100, ExperimentVerdict.InsufficientData)]
    [InlineData(ExperimentMetric.Ctr, 100, 99, ExperimentVerdict.InsufficientData)]
    [InlineData(ExperimentMetric.Ctr, 100, 100, ExperimentVerdict.Inconclusive)]
    [InlineData(ExperimentMetric.ConversionRate, 99, 100, ExperimentVerdict.InsufficientData)]
    [InlineData(ExperimentMetric.ConversionRate, 100, 99, ExperimentVerdict.InsufficientData)]
    [InlineData(ExperimentMetric.ConversionRate, 100, 100, ExperimentVerdict.Inconclusive)]
    public void Fewer_than_100_trials_in_either_arm_is_InsufficientData(ExperimentMetric metric, long controlTrials, long trials, ExperimentVerdict verdict)
    {
        // Trials are impressions for CTR and clicks for conversion rate; half of them succeed in both
        // arms, so with enough data the verdict is Inconclusive.
        VariantCounts WithTrials(string name, long n, bool control) => metric == ExperimentMetric.Ctr
            ? Arm(name, n, n / 2, control: control)
            : Arm(name, 100_000, n, n / 2, control: control);

        var t = Single(ExperimentAnalysis.Analyze("e", metric, new[] { WithTrials("ctl", controlTrials, true), WithTrials("t", trials, false) }), "t");

        Assert.Equal(verdict, t.Verdict);
        Assert.NotNull(t.PValue);
    }

    [Fact]
    public void A_huge_effect_below_the_guard_is_still_InsufficientData()
    {
        var t = Single(ExperimentAnalysis.Analyze("e", ExperimentMetric.ConversionRate, new[] { Arm("ctl", 9000, 500, 5, control: true), Arm("t", 9000, 99, 90) }), "t");

        Assert.True(t.PValue < 1e-10);
        Assert.Equal(ExperimentVerdict.InsufficientData, t.Verdict);
        Assert.Equal("A verdict needs at least 100 clicks in each arm; this variant has 99.", t.Note);
    }

    [Fact]
    public void A_control_rate_of_zero_leaves_the_lift_undefined_and_says_so()
    {
        var t = Single(ExperimentAnalysis.Analyze("e", ExperimentMetric.Ctr, new[] { Arm("ctl", 1000, 0, control: true), Arm("t", 1000, 30) }), "t");

        Assert.Null(t.Lift);
        Assert.Equal("Lift is undefined: the control's CTR is 0.", t.Note);
        Assert.Equal(ExperimentVerdict.Better, t.Verdict);
    }

    [Fact]
    public void Zero_impressions_give_no_rate_no_interval_no_test()
    {
        var results = ExperimentAnalysis.Analyze("e", ExperimentMetric.Ctr, new[] { Arm("ctl", 5000, 50, control: true), Arm("new", 0, 0, spend: 0m), Arm("old", 5000, 60) });
        var fresh = Single(results, "new");

        Assert.Null(fresh.Ctr);
        Assert.Null(fresh.ConversionRate);
        Assert.Null(fresh.CostPerConversion);
        Assert.Null(fresh.Rate);
        Assert.Null(fresh.RateLow);
        Assert.Null(fresh.RateHigh);
        Assert.Null(fresh.Lift);
        Assert.Null(fresh.PValue);
        Assert.Null(fresh.AdjustedPValue);
        Assert.Equal(ExperimentVerdict.InsufficientData, fresh.Verdict);
        Assert.StartsWith("No impressions yet, so no CTR.", fresh.Note);
        // The untested variant is not part of the Holm family.
        Assert.Equal(Single(results, "old").PValue, Single(results, "old").AdjustedPValue);
    }

    [Fact]
    public void A_control_without_impressions_leaves_every_treatment_without_a_test()
    {
        var t = Single(ExperimentAnalysis.Analyze("e", ExperimentMetric.Ctr, new[] { Arm("ctl", 0, 0, control: true), Arm("t", 5000, 60) }), "t");

        Assert.NotNull(t.RateLow);
        Assert.Null(t.Lift);
        Assert.Null(t.PValue);
        Assert.Equal(ExperimentVerdict.InsufficientData, t.Verdict);
    }

    [Fact]
    public void More_conversions_than_clicks_is_not_a_proportion_and_gets_no_test()
    {
        var results = ExperimentAnalysis.Analyze("e", ExperimentMetric.ConversionRate, new[]
        {
            Arm("ctl", 50000, 1000, 20, control: true),
            Arm("viewthrough", 50000, 150, 200),
            Arm("t", 50000, 1000, 45),
        });
        var odd = Single(results, "viewthrough");

        Assert.Equal(200.0 / 150, odd.Rate);
        Assert.Null(odd.RateLow);
        Assert.Null(odd.PValue);
        Assert.Equal(ExperimentVerdict.Inconclusive, odd.Verdict);
        Assert.Contains("200 conversions from 150 clicks is not a proportion", odd.Note);
        Assert.Contains("judge this experiment on CTR", odd.Note);
        Assert.Equal(Single(results, "t").PValue, Single(results, "t").AdjustedPValue);
        Assert.Equal(ExperimentVerdict.Better, Single(results, "t").Verdict);
    }

    [Fact]
    public void Spend_figures_pass_through_with_the_cost_per_conversion()
    {
        var t = Single(ExperimentAnalysis.Analyze("e", ExperimentMetric.Ctr, new[] { Arm("ctl", 100, 10, 0, control: true), Arm("t", 200, 20, 8, spend: 50m) }), "t");

        Assert.Equal("e", t.Experiment);
        Assert.Equal(ExperimentMetric.Ctr, t.Metric);
        Assert.Equal("PAUSED", t.Status);
        Assert.Equal(50m, t.Spend);
        Assert.Equal("EUR", t.Currency);
        Assert.Equal(6.25m, t.CostPerConversion);
        Assert.Null(Single(ExperimentAnalysis.Analyze("e", ExperimentMetric.Ctr, new[] { Arm("ctl", 100, 10, 0, control: true) }), "ctl").CostPerConversion);
    }

    [Theory]
    [InlineData("none", "needs exactly one control variant but has 0")]
    [InlineData("two", "needs exactly one control variant but has 2 (a, b)")]
    [InlineData("duplicate", "has two variants named 'a' (names are compared ignoring case)")]
    [InlineData("blank", "has a variant without a name")]
    [InlineData("negative", "variant 'b' has a negative count")]
    public void An_experiment_that_is_not_one_control_and_distinct_variants_is_refused(string shape, string message)
    {
        VariantCounts[] variants = shape switch
        {
            "none" => new[] { Arm("a", 10, 1), Arm("b", 10, 1) },
            "two" => new[] { Arm("a", 10, 1, control: true), Arm("b", 10, 1, control: true) },
            "duplicate" => new[] { Arm("A", 10, 1, control: true), Arm("a", 10, 1) },
            "blank" => new[] { Arm("A", 10, 1, control: true), Arm(" ", 10, 1) },
            _ => new[] { Arm("a", 10, 1, control: true), Arm("b", 10, -1) },
        };

        var error = Assert.Throws<PinterestAdsException>(() => ExperimentAnalysis.Analyze("spring", ExperimentMetric.Ctr, variants));

        Assert.Equal("experimentResultInvalid", error.ErrorId);
        Assert.Equal(FailureKind.InvalidResult, error.Kind);
        Assert.StartsWith("Experiment 'spring' ", error.Message);
        Assert.Contains(message, error.Message);
        Assert.Contains("Get-PinExperiment", error.RecommendedAction);
    }
}
