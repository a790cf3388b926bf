using System.Globalization;
using System.Text.Json.Nodes;

namespace PinterestAds.Testing.Tests.Analytics;

public sealed class SyncAnalyticsTests : ApiTest
{
    private const string Columns = "SPEND_IN_DOLLAR,IMPRESSION_1,CLICKTHROUGH_1,TOTAL_CONVERSIONS,CTR";

    private DateTime Today => Server.UtcNow.UtcDateTime.Date;

    private static string D(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<Reply> Campaigns(string ids, DateTime start, DateTime end, string granularity = "DAY", string columns = Columns, string extra = "") =>
        Api.Get($"ad_accounts/{Api.Account}/campaigns/analytics?campaign_ids={ids}&start_date={D(start)}&end_date={D(end)}&granularity={granularity}&columns={columns}{extra}");

    [Fact]
    public async Task Day_rows_are_flat_deterministic_and_match_the_read_back_hook()
    {
        var first = await Campaigns("111,222", Today.AddDays(-6), Today);
        Assert.Equal(200, first.Status);
        var rows = first.Json!.AsArray();
        Assert.Equal(14, rows.Count);
        var row = rows[0]!.AsObject();
        Assert.Equal(new[] { "DATE", "CAMPAIGN_ID", "SPEND_IN_DOLLAR", "IMPRESSION_1", "CLICKTHROUGH_1", "TOTAL_CONVERSIONS", "CTR" }, row.Select(p => p.Key));
        Assert.Equal("111", (string)row["CAMPAIGN_ID"]!);
        Assert.Equal(D(Today.AddDays(-6)), (string)row["DATE"]!);
        Assert.Equal((decimal)Server.Analytics.DailyValue("111", Today.AddDays(-6), "SPEND_IN_DOLLAR"), (decimal)row["SPEND_IN_DOLLAR"]!);
        Assert.Equal((long)Server.Analytics.DailyValue("111", Today.AddDays(-6), "IMPRESSION_1"), (long)row["IMPRESSION_1"]!);
        Assert.Equal(Math.Round((decimal)(long)row["CLICKTHROUGH_1"]! / (long)row["IMPRESSION_1"]!, 6), (decimal)row["CTR"]!);
        Assert.True((decimal)row["SPEND_IN_DOLLAR"]! > 0);

        var again = await Campaigns("111,222", Today.AddDays(-6), Today);
        Assert.Equal(first.Text, again.Text);
    }

    [Fact]
    public async Task Ids_arrive_repeated_or_comma_joined_and_every_level_has_its_id_key()
    {
        var joined = await Campaigns("1,2", Today, Today);
        var repeated = await Api.Get($"ad_accounts/{Api.Account}/campaigns/analytics?campaign_ids=1&campaign_ids=2&start_date={D(Today)}&end_date={D(Today)}&granularity=DAY&columns={Columns}");
        Assert.Equal(joined.Text, repeated.Text);

        var account = await Api.Get($"ad_accounts/{Api.Account}/analytics?start_date={D(Today)}&end_date={D(Today)}&granularity=TOTAL&columns=SPEND_IN_MICRO_DOLLAR");
        var only = account.Json!.AsArray().Single()!.AsObject();
        Assert.Equal(new[] { "AD_ACCOUNT_ID", "SPEND_IN_MICRO_DOLLAR" }, only.Select(p => p.Key));
        Assert.Equal(Api.Account, (string)only["AD_ACCOUNT_ID"]!);
        Assert.Equal(0, (long)only["SPEND_IN_MICRO_DOLLAR"]! % 10_000);

        var groups = await Api.Get($"ad_accounts/{Api.Account}/ad_groups/analytics?ad_group_ids=7&start_date={D(Today)}&end_date={D(Today)}&granularity=DAY&columns=CLICKTHROUGH_1");
        Assert.Equal("7", (string)groups.Json![0]!["AD_GROUP_ID"]!);
        var ads = await Api.Get($"ad_accounts/{Api.Account}/ads/analytics?ad_ids=8&start_date={D(Today)}&end_date={D(Today)}&granularity=DAY&columns=CLICKTHROUGH_1");
        Assert.Equal("8", (string)ads.Json![0]!["AD_ID"]!);
    }

    [Fact]
    public async Task Totals_weeks_months_and_hours_are_exact_sums_of_days()
    {
        DateTime start = Today.AddDays(-40);
        var days = (await Campaigns("5", start, Today, columns: "SPEND_IN_MICRO_DOLLAR,IMPRESSION_1")).Json!.AsArray();
        long daySum = days.Sum(r => (long)r!["IMPRESSION_1"]!);
        long spendSum = days.Sum(r => (long)r!["SPEND_IN_MICRO_DOLLAR"]!);

        var total = (await Campaigns("5", start, Today, "TOTAL", "SPEND_IN_MICRO_DOLLAR,IMPRESSION_1")).Json!.AsArray().Single()!;
        Assert.Null(total["DATE"]);
        Assert.Equal(daySum, (long)total["IMPRESSION_1"]!);
        Assert.Equal(spendSum, (long)total["SPEND_IN_MICRO_DOLLAR"]!);

        foreach (string granularity in new[] { "WEEK", "MONTH" })
        {
            var buckets = (await Campaigns("5", start, Today, granularity, "IMPRESSION_1")).Json!.AsArray();
            Assert.Equal(daySum, buckets.Sum(r => (long)r!["IMPRESSION_1"]!));
            Assert.Equal(D(start), (string)buckets[0]!["DATE"]!);
        }

        var hours = (await Campaigns("5", Today.AddDays(-1), Today.AddDays(-1), "HOUR", "SPEND_IN_MICRO_DOLLAR,IMPRESSION_1")).Json!.AsArray();
        Assert.Equal(24, hours.Count);
        Assert.Equal(D(Today.AddDays(-1)) + " 05:00:00", (string)hours[5]!["DATE"]!);
        var yesterday = days.Single(r => (string)r!["DATE"]! == D(Today.AddDays(-1)))!;
        Assert.Equal((long)yesterday["IMPRESSION_1"]!, hours.Sum(r => (long)r!["IMPRESSION_1"]!));
        Assert.Equal((long)yesterday["SPEND_IN_MICRO_DOLLAR"]!, hours.Sum(r => (long)r!["SPEND_IN_MICRO_DOLLAR"]!));
    }

    [Fact]
    public async Task A_set_daily_spend_shows_in_that_day_only()
    {
        Server.Analytics.SetDailyMetrics("900", Today, spend: 123.45m, clicks: 10, impressions: 1000);
        var rows = (await Campaigns("900", Today.AddDays(-1), Today)).Json!.AsArray();
        var today = rows[1]!;
        Assert.Equal(123.45m, (decimal)today["SPEND_IN_DOLLAR"]!);
        Assert.Equal(0.01m, (decimal)today["CTR"]!);
        Assert.NotEqual(123.45m, (decimal)rows[0]!["SPEND_IN_DOLLAR"]!);
        Assert.Equal(123.45m, (decimal)Server.Analytics.DailyValue("900", Today, "SPEND_IN_DOLLAR"));
    }

    [Fact]
    public async Task Wider_attribution_windows_attribute_more_conversions()
    {
        string columns = "TOTAL_CONVERSIONS";
        long Sum(JsonNode json) => json.AsArray().Sum(r => (long)r!["TOTAL_CONVERSIONS"]!);
        var narrow = await Campaigns("42", Today.AddDays(-30), Today, "DAY", columns, "&click_window_days=1&view_window_days=0");
        var wide = await Campaigns("42", Today.AddDays(-30), Today, "DAY", columns, "&click_window_days=60&view_window_days=7");
        Assert.True(Sum(wide.Json!) > Sum(narrow.Json!));
    }

    [Fact]
    public async Task Entity_attributes_come_from_the_entities_and_are_omitted_when_unknown()
    {
        string campaign = (await Api.CreateCampaigns(Api.Campaign("Spring sale")))[0];
        var rows = (await Campaigns(campaign + ",31337", Today, Today, columns: "CAMPAIGN_NAME,SPEND_IN_DOLLAR")).Json!.AsArray();
        Assert.Equal("Spring sale", (string)rows[0]!["CAMPAIGN_NAME"]!);
        Assert.Null(rows[1]!["CAMPAIGN_NAME"]);
    }

    [Theory]
    [InlineData(-91, 0, "DAY", "last 90 days")]
    [InlineData(-10, -11, "DAY", "before start_date")]
    [InlineData(-1, 1, "DAY", "in the future")]
    [InlineData(-9, -9, "HOUR", "last 8 days")]
    [InlineData(-4, 0, "HOUR", "3 days")]
    public async Task Dates_pinterest_refuses_are_400s(int startOffset, int endOffset, string granularity, string message)
    {
        var reply = await Campaigns("1", Today.AddDays(startOffset), Today.AddDays(endOffset), granularity);
        Assert.Equal(400, reply.Status);
        Assert.Equal(400, reply.Code);
        Assert.Contains("Invalid ad account campaign analytics parameters.", reply.Text);
        Assert.Contains(message, reply.Text);
    }

    [Fact]
    public async Task Range_limits_are_counted_as_days_past_start()
    {
        Assert.Equal(200, (await Campaigns("1", Today.AddDays(-90), Today)).Status);
        Assert.Equal(200, (await Campaigns("1", Today.AddDays(-8), Today.AddDays(-5), "HOUR")).Status);
    }

    [Fact]
    public async Task Columns_windows_and_ids_are_checked()
    {
        var column = await Campaigns("1", Today, Today, columns: "SPEND_IN_DOLLAR,CONVERSION_1");
        Assert.Equal(400, column.Status);
        Assert.Contains("'CONVERSION_1' is not a valid column", column.Text);
        Assert.Contains("TOTAL_CONVERSIONS", column.Text);

        Assert.Contains("window", (await Campaigns("1", Today, Today, extra: "&click_window_days=3")).Text);
        Assert.Contains("campaign_ids", (await Api.Get($"ad_accounts/{Api.Account}/campaigns/analytics?start_date={D(Today)}&end_date={D(Today)}&granularity=DAY&columns={Columns}")).Text);
        string many = string.Join(",", Enumerable.Range(1, 251));
        Assert.Contains("between 1 and 250", (await Campaigns(many, Today, Today)).Text);
        Assert.Equal(250, (await Campaigns(string.Join(",", Enumerable.Range(1, 250)), Today, Today, "TOTAL")).Json!.AsArray().Count);
        Assert.Contains("ad_ids or both campaign_ids and pin_ids", (await Api.Get($"ad_accounts/{Api.Account}/ads/analytics?start_date={D(Today)}&end_date={D(Today)}&granularity=DAY&columns={Columns}")).Text);
        Assert.Equal(404, (await Api.Get($"ad_accounts/1/analytics?start_date={D(Today)}&end_date={D(Today)}&granularity=DAY&columns={Columns}")).Status);
    }

    [Fact]
    public async Task The_clock_moves_the_window()
    {
        Assert.Equal(400, (await Campaigns("1", Today.AddDays(1), Today.AddDays(1))).Status);
        Server.AdvanceClock(TimeSpan.FromDays(1));
        Assert.Equal(200, (await Campaigns("1", Today, Today)).Status);
    }

    [Fact]
    public async Task Aggregated_rows_sum_every_entity()
    {
        var each = (await Campaigns("1,2,3", Today, Today, "TOTAL", "IMPRESSION_1")).Json!.AsArray();
        var together = (await Campaigns("1,2,3", Today, Today, "TOTAL", "IMPRESSION_1", "&aggregate_report_rows=true")).Json!.AsArray().Single()!;
        Assert.Null(together["CAMPAIGN_ID"]);
        Assert.Equal(each.Sum(r => (long)r!["IMPRESSION_1"]!), (long)together["IMPRESSION_1"]!);
    }
}
