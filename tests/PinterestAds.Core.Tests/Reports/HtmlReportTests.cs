using PinterestAds.Core.Experiments.Statistics;
using PinterestAds.Core.Reports;
using Xunit;

namespace PinterestAds.Core.Tests.Reports;

public sealed class HtmlReportTests
{
    private static readonly DateTime Feb1 = new(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc);

    private static ReportRow Row(string id, string? name, int day, long impressions, long clicks, decimal spend = 10m, string currency = "EUR", string level = "Campaign") => new()
    {
        Level = level,
        EntityId = id,
        EntityName = name,
        Date = Feb1.AddDays(day),
        Spend = spend,
        Currency = currency,
        SpendUsd = currency == "USD" ? spend : spend * 1.1m,
        Impressions = impressions,
        Clicks = clicks,
        Conversions = clicks / 10,
    };

    private static ReportContent Week(params string[] names)
    {
        var content = new ReportContent();
        for (int e = 0; e < names.Length; e++)
        {
            for (int day = 0; day < 7; day++)
            {
                content.Add(Row("100" + e, names[e], day, 1000 * (e + 1) + day, 10 * (e + 1) + day, 10m * (names.Length - e)));
            }
        }

        return content;
    }

    private static ReportContent Experiment()
    {
        var content = new ReportContent();
        foreach (VariantResult result in ExperimentAnalysis.Analyze("Spring test", ExperimentMetric.Ctr, new[]
        {
            new VariantCounts { Variant = "Control pin", IsControl = true, Status = "ACTIVE", Impressions = 50000, Clicks = 600 },
            new VariantCounts { Variant = "Bold <b>headline</b>", Status = "PAUSED", Impressions = 50000, Clicks = 760 },
            new VariantCounts { Variant = "Photo", Status = "PAUSED", Impressions = 50000, Clicks = 610 },
            new VariantCounts { Variant = "Just started", Status = "PAUSED", Impressions = 60, Clicks = 3 },
        }))
        {
            content.Add(result);
        }

        return content;
    }

    [Fact]
    public void Analytics_rows_become_three_titled_charts_with_legends_and_a_totals_table()
    {
        var report = RenderedReport.Of(Week("Spring sale", "Evergreen"));

        foreach (string title in new[] { "Spend over time (EUR)", "Impressions over time", "CTR over time (clicks per impression)" })
        {
            var chart = report.Chart(title);
            Assert.Equal(title, chart.QuerySelector("text.chart-title")!.TextContent);
            Assert.Equal(new[] { "Spring sale", "Evergreen" }, RenderedReport.LegendLabels(chart));
            Assert.Equal(2, chart.QuerySelectorAll("g.series path").Length);
            Assert.NotEmpty(chart.QuerySelectorAll("g.y-axis text.tick"));
            Assert.Equal(new[] { "1 Feb", "2 Feb", "3 Feb", "4 Feb", "5 Feb", "6 Feb", "7 Feb" }, chart.QuerySelectorAll("g.x-axis text.tick").Select(t => t.TextContent));
            Assert.Equal("UTC, 1 Feb 2026 – 7 Feb 2026", chart.QuerySelector("g.x-axis text.caption")!.TextContent);
        }

        var rows = report.TableRows("totals");
        Assert.Equal(2, rows.Count);
        // Spring sale: 7 days of 20 EUR, impressions 1000..1006, clicks 10..16.
        Assert.Equal(new[] { "Spring sale1000", "Campaign", "140.00 EUR", "154.00", "7,021", "91", "1.30%", "7" }, rows[0]);
        Assert.Equal(new[] { "All 2", "Campaign", "210.00 EUR", "231.00", "21,042", "252", "1.20%", "21" }, report.TableRows("totals", "tfoot").Single());
    }

    [Fact]
    public void The_ctr_chart_divides_clicks_by_impressions_and_ticks_step_by_one_two_or_five()
    {
        var report = RenderedReport.Of(Week("Spring sale"));
        var chart = report.Chart("CTR over time (clicks per impression)");

        Assert.Contains("Spring sale, 2026-02-01: 1.00%", RenderedReport.PointTitles(chart));
        Assert.Contains("Spring sale, 2026-02-07: 1.59%", RenderedReport.PointTitles(chart));
        Assert.Equal(new[] { "0%", "0.5%", "1.0%", "1.5%", "2.0%" }, chart.QuerySelectorAll("g.y-axis text.tick").Select(t => t.TextContent));
    }

    [Fact]
    public void A_name_with_markup_is_shown_as_text_and_never_becomes_markup()
    {
        const string evil = "<script>alert('x')</script> & \"Sale\" <img src=http://evil.invalid/x.png>";
        var content = Week(evil);
        content.Add(ReportVariant.From(ExperimentAnalysis.Analyze(evil, ExperimentMetric.Ctr, new[]
        {
            new VariantCounts { Variant = evil, IsControl = true, Impressions = 1000, Clicks = 10 },
        })[0]));

        var report = RenderedReport.Of(content, title: evil);

        Assert.Empty(report.Document.QuerySelectorAll("script, img"));
        Assert.DoesNotContain("<script", report.Html);
        Assert.Equal(evil, report.Document.Title);
        Assert.Equal(evil, report.Document.QuerySelector("h1")!.TextContent);
        Assert.Equal(new[] { evil }, RenderedReport.LegendTitles(report.Chart("Impressions over time")));
        Assert.StartsWith(evil, report.TableRows("totals")[0][0]);
        Assert.Equal(evil + " (control)", report.TableRows("variants")[0][0]);
        Assert.Equal(evil, report.Document.QuerySelector("section.experiment h3")!.TextContent);
    }

    [Fact]
    public void Characters_XML_cannot_carry_are_replaced_and_the_page_stays_well_formed()
    {
        var report = RenderedReport.Of(Week("Bad\u0001name\uD800"));

        Assert.Equal("Bad\uFFFDname\uFFFD", RenderedReport.LegendLabels(report.Chart("Impressions over time")).Single());
    }

    [Fact]
    public void The_page_runs_no_script_and_references_nothing_outside_itself()
    {
        var content = Week("A", "B");
        foreach (ReportVariant variant in Experiment().Experiments.SelectMany(e => e.Variants))
        {
            content.Add(variant);
        }

        var report = RenderedReport.Of(content);

        Assert.Empty(report.Document.QuerySelectorAll("script, link, img, iframe, object, embed, image, use, foreignObject"));
        var references = report.Document.All.SelectMany(e => e.Attributes)
            .Where(a => a.LocalName is "src" or "href" or "srcset" or "action" or "data" || a.Value.Contains("url(", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.Empty(references);
        Assert.DoesNotContain(report.Document.All.SelectMany(e => e.Attributes), a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        string css = report.Document.QuerySelector("style")!.TextContent;
        Assert.DoesNotContain("url(", css);
        Assert.DoesNotContain("@import", css);
        Assert.DoesNotContain("@font-face", css);
        Assert.DoesNotMatch("(?i)https?:|//[a-z]", report.Html);
        Assert.Equal("default-src 'none'; style-src 'unsafe-inline'", report.Document.QuerySelector("meta[http-equiv=Content-Security-Policy]")!.GetAttribute("content"));
    }

    [Fact]
    public void More_than_seven_entities_fold_into_others_which_sums_them_date_by_date()
    {
        string[] names = Enumerable.Range(1, 10).Select(i => "Campaign " + i).ToArray();
        var report = RenderedReport.Of(Week(names));
        var impressions = report.Chart("Impressions over time");

        // Spend ranks them: Campaign 1 spends most. The three smallest (8, 9, 10) are folded.
        Assert.Equal(names.Take(7).Append("Others (3 more)"), RenderedReport.LegendLabels(impressions));
        Assert.Equal(8, impressions.QuerySelectorAll("g.series path").Length);
        Assert.Equal("6 4", impressions.QuerySelectorAll("g.series path").Last().GetAttribute("stroke-dasharray"));
        // Day 0: impressions 8000 + 9000 + 10000; clicks 80 + 90 + 100, so CTR 270 / 27000 = 1%.
        Assert.Contains("Others (3 more), 2026-02-01: 27,000", RenderedReport.PointTitles(impressions));
        Assert.Contains("Others (3 more), 2026-02-01: 1.00%", RenderedReport.PointTitles(report.Chart("CTR over time (clicks per impression)")));
        Assert.Contains("Others (3 more), 2026-02-01: 60.00 EUR", RenderedReport.PointTitles(report.Chart("Spend over time (EUR)")));
        Assert.Contains("3 are added up as \"Others\"", report.Document.QuerySelector("p.note")!.TextContent);
        Assert.Equal(10, report.TableRows("totals").Count);
        var colours = impressions.QuerySelectorAll("g.series").Select(g => g.GetAttribute("stroke")).ToList();
        Assert.Equal(colours.Count, colours.Distinct().Count());
    }

    [Fact]
    public void Long_names_that_share_their_start_keep_the_end_that_tells_them_apart_in_the_legend()
    {
        var report = RenderedReport.Of(Week("[Experiment: Spring hero image] Control: Studio shot", "[Experiment: Spring hero image] Variant: Lifestyle", "Women 🇺🇸 🌞 and Canada, summer weekends only"));

        var legend = RenderedReport.LegendLabels(report.Chart("Impressions over time"));

        // The cut before the ellipsis steps back rather than split the sun's surrogate pair.
        Assert.Equal(new[] { "[Experiment:…age] Control: Studio shot", "[Experiment:…image] Variant: Lifestyle", "Women 🇺🇸 …ada, summer weekends only" }, legend);
        Assert.All(legend, label => Assert.True(label.Length <= 38));
    }

    [Fact]
    public void Seven_entities_each_keep_their_own_line()
    {
        var report = RenderedReport.Of(Week(Enumerable.Range(1, 7).Select(i => "C" + i).ToArray()));

        Assert.DoesNotContain(RenderedReport.LegendLabels(report.Chart("Impressions over time")), l => l.StartsWith("Others", StringComparison.Ordinal));
        Assert.Null(report.Document.QuerySelector("p.note"));
    }

    [Fact]
    public void Mixed_currencies_are_drawn_in_US_dollars_and_not_summed_in_their_own()
    {
        var content = new ReportContent();
        content.Add(Row("1", "Euro shop", 0, 100, 1, 10m, "EUR"));
        content.Add(Row("2", "Yen shop", 0, 100, 1, 1000m, "JPY"));

        var report = RenderedReport.Of(content);

        Assert.Contains("Euro shop, 2026-02-01: 11.00 USD", RenderedReport.PointTitles(report.Chart("Spend over time (USD)")));
        Assert.Equal("–", report.TableRows("totals", "tfoot").Single()[2]);
        Assert.Equal("1,111.00", report.TableRows("totals", "tfoot").Single()[3]);
    }

    [Fact]
    public void A_restated_day_replaces_the_earlier_row_and_a_Total_row_does_not_count_twice()
    {
        var content = new ReportContent();
        content.Add(Row("1", "Spring", 0, 100, 1));
        content.Add(Row("1", "Spring", 0, 150, 3));
        content.Add(new ReportRow { Level = "Campaign", EntityId = "1", Date = null, Impressions = 150, Clicks = 3, Currency = "EUR" });

        var report = RenderedReport.Of(content);

        Assert.Equal("150", report.TableRows("totals")[0][4]);
        Assert.Equal(new[] { "Spring, 2026-02-01: 150" }, RenderedReport.PointTitles(report.Chart("Impressions over time")));
    }

    [Fact]
    public void Rows_without_dates_give_a_totals_table_and_say_why_there_is_no_chart()
    {
        var content = new ReportContent();
        content.Add(new ReportRow { Level = "AdGroup", EntityId = "77", EntityName = "Lookalikes", Spend = 5m, Currency = "USD", SpendUsd = 5m, Impressions = 400, Clicks = 8 });

        var report = RenderedReport.Of(content);

        Assert.Empty(report.Document.QuerySelectorAll("svg"));
        Assert.Contains("no dates", report.Document.QuerySelector("p.note")!.TextContent);
        Assert.Equal(new[] { "Lookalikes77", "AdGroup", "5.00 USD", "5.00", "400", "8", "2.00%", "0" }, report.TableRows("totals").Single());
        Assert.Empty(report.TableRows("totals", "tfoot"));
    }

    [Fact]
    public void Hourly_rows_get_hour_ticks_and_a_single_day_still_draws_its_point()
    {
        var content = new ReportContent();
        for (int hour = 0; hour < 40; hour++)
        {
            content.Add(new ReportRow { Level = "Ad", EntityId = "5", EntityName = "Video ad", Date = Feb1.AddHours(hour), Impressions = 100 + hour, Clicks = 2, Currency = "EUR" });
        }

        var hourly = RenderedReport.Of(content).Chart("Impressions over time");
        var oneDay = new ReportContent();
        oneDay.Add(Row("6", "One day", 0, 100, 1));
        var single = RenderedReport.Of(oneDay).Chart("Impressions over time");

        // 39 hours: ticks every 6 hours, midnight labelled with its date.
        Assert.Equal(new[] { "1 Feb", "06:00", "12:00", "18:00", "2 Feb", "06:00", "12:00" }, hourly.QuerySelectorAll("g.x-axis text.tick").Select(t => t.TextContent));
        Assert.Equal("UTC, 1 Feb 2026 00:00 – 2 Feb 2026 15:00", hourly.QuerySelector("g.x-axis text.caption")!.TextContent);
        Assert.Contains("Video ad, 2026-02-01 13:00: 113", RenderedReport.PointTitles(hourly));
        Assert.Equal(new[] { "1 Feb" }, single.QuerySelectorAll("g.x-axis text.tick").Select(t => t.TextContent));
        Assert.Single(single.QuerySelectorAll("g.series circle"));
    }

    [Fact]
    public void Entities_of_the_same_name_are_told_apart_by_their_ids()
    {
        var content = new ReportContent();
        content.Add(Row("11", "Pin ad", 0, 100, 1));
        content.Add(Row("12", "Pin ad", 0, 90, 1));

        Assert.Equal(new[] { "Pin ad (11)", "Pin ad (12)" }, RenderedReport.LegendLabels(RenderedReport.Of(content).Chart("Impressions over time")));
    }

    [Fact]
    public void Experiment_results_become_a_dot_and_whisker_chart_with_the_control_marked_and_a_table()
    {
        var report = RenderedReport.Of(Experiment());
        var chart = report.Chart("Spring test: CTR with 95% Wilson interval");

        Assert.Equal(new[] { "Control pin", "Bold <b>headline</b>", "Photo", "Just started" }, chart.QuerySelectorAll("text.row-label").Select(t => t.TextContent));
        Assert.Equal("Control pin", chart.QuerySelector("text.row-label.control")!.TextContent);
        Assert.Equal(new[] { "Control", "Better", "Inconclusive", "Insufficient data" }, chart.QuerySelectorAll("g.variant text.verdict").Select(t => t.TextContent));
        Assert.NotNull(chart.QuerySelector("g.control-line line[stroke-dasharray]"));
        Assert.Single(chart.QuerySelectorAll("g.variant > path"));
        Assert.Contains("Control", RenderedReport.LegendLabels(chart));
        Assert.Contains("95% interval", RenderedReport.LegendLabels(chart));
        // The 3-of-60 variant's interval (0.017 to 0.138) is cut at the axis with an arrow, not drawn to scale.
        Assert.NotEmpty(chart.QuerySelectorAll("g.variant")[3].QuerySelectorAll("g path"));
        Assert.Empty(chart.QuerySelectorAll("g.variant")[1].QuerySelectorAll("g path"));

        var rows = report.TableRows("variants");
        Assert.Equal(new[] { "Control pin (control)", "ACTIVE", "1.20%", "1.11% – 1.30%", "–", "–", "Control" }, rows[0]);
        Assert.Equal("+26.7%", rows[1][4]);
        Assert.Equal("< 0.0001", rows[1][5]);
        Assert.Equal("Better", rows[1][6]);
        Assert.Equal("Insufficient data", rows[3][6]);
    }

    [Fact]
    public void Analytics_and_experiments_share_one_page()
    {
        var content = Week("Spring sale");
        foreach (ReportVariant variant in Experiment().Experiments.Single().Variants)
        {
            content.Add(variant);
        }

        var report = RenderedReport.Of(content);

        Assert.Equal(new[] { "Performance over time", "Totals", "Experiments" }, report.Document.QuerySelectorAll("h2").Select(h => h.TextContent));
        Assert.Equal(4, report.Document.QuerySelectorAll("svg").Length);
        Assert.Equal(4, report.Document.QuerySelectorAll("svg").Select(s => s.GetAttribute("aria-labelledby")).Distinct().Count());
        Assert.Equal("Generated 2026-03-01 09:30 UTC · 1 entity · 1 experiment", report.Document.QuerySelector("p.meta")!.TextContent);
    }

    [Fact]
    public void An_experiment_without_data_says_so_instead_of_drawing_an_empty_axis()
    {
        var content = new ReportContent();
        content.Add(new ReportVariant { Experiment = "Fresh", Variant = "a", IsControl = true, Verdict = ExperimentVerdict.Control });

        var chart = RenderedReport.Of(content).Chart("Fresh: CTR with 95% Wilson interval");

        Assert.Equal("No variant has data yet.", chart.QuerySelector("text.caption")!.TextContent);
    }

    [Fact]
    public void Nothing_to_report_is_said_in_words()
    {
        var report = RenderedReport.Of(new ReportContent());

        Assert.Equal("Nothing to report: no analytics rows or experiment results were given.", report.Document.QuerySelector("p.note")!.TextContent);
    }
}
