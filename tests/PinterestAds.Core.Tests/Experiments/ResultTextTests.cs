using PinterestAds.Core.Experiments.Results;
using PinterestAds.Core.Experiments.Statistics;
using Xunit;

namespace PinterestAds.Core.Tests.Experiments;

public sealed class ResultTextTests
{
    private static IReadOnlyList<VariantResult> Results(params (string Name, long Impressions, long Clicks)[] arms) =>
        ExperimentAnalysis.Analyze("Spring hero", ExperimentMetric.Ctr, arms.Select((a, i) => new VariantCounts
        {
            Variant = a.Name,
            IsControl = i == 0,
            Status = "ACTIVE",
            Impressions = a.Impressions,
            Clicks = a.Clicks,
        }));

    [Fact]
    public void Each_row_shows_the_metric_with_its_interval_the_lift_and_the_adjusted_p_value()
    {
        var results = Results(("Studio", 50_000, 600), ("Lifestyle", 50_000, 760), ("Flat lay", 50_000, 610));

        var texts = ResultText.Describe(results);

        Assert.Equal("1.20% [1.11–1.30%]", texts[0].Metric);
        Assert.Equal("Spring hero, judged on CTR", texts[0].Heading);
        Assert.Equal((string.Empty, string.Empty), (texts[0].Lift, texts[0].AdjustedPValue));
        Assert.Equal("+26.7%", texts[1].Lift);
        Assert.Equal("< 0.0001", texts[1].AdjustedPValue);
        Assert.Equal("+1.7%", texts[2].Lift);
    }

    [Fact]
    public void The_bars_share_one_scale_so_the_winner_sits_right_of_the_control_without_overlap()
    {
        var results = Results(("Studio", 50_000, 600), ("Lifestyle", 50_000, 760), ("Flat lay", 50_000, 610));

        var bars = ResultText.Describe(results).Select(t => t.Bar).ToArray();

        Assert.All(bars, bar => Assert.Equal(ResultText.BarWidth, bar.Length));
        Assert.StartsWith("├", bars[0]);
        Assert.EndsWith("┤", bars[1]);
        Assert.Contains('◆', bars[0]);
        Assert.Contains('●', bars[1]);
        // The winner's interval starts right of where the control's ends; the control's rate is marked on its row.
        Assert.True(bars[1].IndexOf('├') > bars[0].IndexOf('┤'));
        Assert.Equal(bars[0].IndexOf('◆'), bars[1].IndexOf('┆'));
        // An inconclusive variant's interval covers the control's rate, so the mark is hidden under its line.
        Assert.DoesNotContain('┆', bars[2]);
    }

    [Fact]
    public void A_variant_without_data_says_so_and_has_no_bar()
    {
        var results = Results(("Studio", 50_000, 600), ("New", 0, 0));

        var texts = ResultText.Describe(results);

        Assert.Equal("no data", texts[1].Metric);
        Assert.Equal(string.Empty, texts[1].Bar);
        Assert.Equal("–", texts[1].Lift);
    }
}
