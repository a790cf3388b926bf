using PinterestAds.Core.Reports;
using Xunit;

namespace PinterestAds.Core.Tests.Reports;

public sealed class AxisTests
{
    [Theory]
    [InlineData(0, 573, new[] { 0d, 100, 200, 300, 400, 500, 600 })]
    [InlineData(0, 0.0361, new[] { 0d, 0.01, 0.02, 0.03, 0.04 })]
    [InlineData(0, 18_400, new[] { 0d, 5000, 10_000, 15_000, 20_000 })]
    [InlineData(0.011, 0.0163, new[] { 0.011, 0.012, 0.013, 0.014, 0.015, 0.016, 0.017 })]
    [InlineData(0, 0, new[] { 0d, 0.2, 0.4, 0.6, 0.8, 1 })]
    public void Ticks_are_round_and_cover_the_data(double low, double high, double[] ticks)
    {
        Assert.Equal(ticks, NiceScale.Covering(low, high).Ticks);
    }

    [Fact]
    public void Every_step_is_one_two_or_five_times_a_power_of_ten()
    {
        var random = new Random(9);
        for (int i = 0; i < 2000; i++)
        {
            double high = Math.Pow(10, random.NextDouble() * 16 - 8);
            NiceScale scale = NiceScale.Covering(0, high);

            double mantissa = scale.Step / Math.Pow(10, Math.Floor(Math.Log10(scale.Step) + 1e-12));
            Assert.Contains(Math.Round(mantissa, 9), new[] { 1d, 2, 5 });
            Assert.True(scale.Max >= high && scale.Min <= 0, $"{high} outside [{scale.Min}, {scale.Max}]");
            Assert.InRange(scale.Ticks.Count, 3, 7);
        }
    }

    [Theory]
    [InlineData(0, 0.5, 600, "0")]
    [InlineData(500, 500, 2500, "500")]
    [InlineData(2000, 500, 2500, "2,000")]
    [InlineData(20_000, 5000, 20_000, "20k")]
    [InlineData(2_500_000, 500_000, 3_000_000, "2,500k")]
    [InlineData(25_000_000, 5_000_000, 25_000_000, "25M")]
    [InlineData(1.5, 0.5, 3, "1.5")]
    public void Tick_labels_show_as_many_decimals_as_the_step_needs(double value, double step, double largest, string label)
    {
        Assert.Equal(label, NumberText.Tick(value, step, largest));
    }

    [Theory]
    [InlineData(0.015, 0.005, "1.5%")]
    [InlineData(0.02, 0.01, "2%")]
    [InlineData(0, 0.01, "0%")]
    public void Percent_ticks(double value, double step, string label)
    {
        Assert.Equal(label, NumberText.PercentTick(value, step));
    }

    [Fact]
    public void Date_labels_never_crowd_whatever_the_span()
    {
        var start = new DateTime(2025, 12, 29, 0, 0, 0, DateTimeKind.Utc);
        var spans = Enumerable.Range(0, 400).Select(d => TimeSpan.FromDays(d))
            .Concat(new[] { 500, 730, 1000, 1826, 3650, 36500 }.Select(d => TimeSpan.FromDays(d)))
            .Select(span => (span, hasHours: false))
            .Concat(Enumerable.Range(1, 200).Select(h => (span: TimeSpan.FromHours(h), hasHours: true)));

        foreach ((TimeSpan span, bool hasHours) in spans)
        {
            TimeAxis axis = TimeAxis.Covering(start, start + span, hasHours, LineChart.MaxTimeTicks);

            Assert.InRange(axis.Ticks.Count, 1, LineChart.MaxTimeTicks);
            Assert.All(axis.Ticks, t => Assert.InRange(t.At, axis.Start, axis.End));
            // An 8-character label at 11 px is about 50 px wide; 60 px apart leaves a gap.
            Assert.All(axis.Ticks, t => Assert.InRange(t.Label.Length, 2, 8));
            for (int i = 1; i < axis.Ticks.Count; i++)
            {
                double apart = axis.Map(axis.Ticks[i].At, 0, LineChart.PlotWidth) - axis.Map(axis.Ticks[i - 1].At, 0, LineChart.PlotWidth);
                Assert.True(apart >= 60, $"{span} ({(hasHours ? "hourly" : "daily")}): '{axis.Ticks[i - 1].Label}' and '{axis.Ticks[i].Label}' only {apart:F0} px apart");
            }
        }
    }

    [Fact]
    public void Daily_data_is_never_labelled_with_hours_and_weeks_start_on_Monday()
    {
        var start = new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc);

        TimeAxis month = TimeAxis.Covering(start, start.AddDays(27), hasHours: false, LineChart.MaxTimeTicks);
        TimeAxis quarter = TimeAxis.Covering(start, start.AddDays(89), hasHours: false, LineChart.MaxTimeTicks);
        TimeAxis half = TimeAxis.Covering(start, start.AddDays(180), hasHours: false, LineChart.MaxTimeTicks);
        TimeAxis years = TimeAxis.Covering(start, start.AddDays(3 * 365), hasHours: false, LineChart.MaxTimeTicks);

        Assert.Equal(new[] { "2 Feb", "9 Feb", "16 Feb", "23 Feb" }, month.Ticks.Select(t => t.Label));
        Assert.All(month.Ticks, t => Assert.Equal(DayOfWeek.Monday, t.At.DayOfWeek));
        Assert.Equal(new[] { "2 Feb", "16 Feb", "2 Mar", "16 Mar", "30 Mar", "13 Apr", "27 Apr" }, quarter.Ticks.Select(t => t.Label));
        Assert.Equal(new[] { "Feb 2026", "Mar 2026", "Apr 2026", "May 2026", "Jun 2026", "Jul 2026" }, half.Ticks.Select(t => t.Label));
        Assert.All(years.Ticks, t => Assert.Equal(TimeSpan.Zero, t.At.TimeOfDay));
    }

    [Fact]
    public void A_single_date_is_centred_on_its_own_tick()
    {
        var day = new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc);

        TimeAxis axis = TimeAxis.Covering(day, day, hasHours: false, LineChart.MaxTimeTicks);

        Assert.Equal(new[] { (day, "1 Feb") }, axis.Ticks);
        Assert.Equal(0.5, axis.Map(day, 0, 1), 12);
    }
}
