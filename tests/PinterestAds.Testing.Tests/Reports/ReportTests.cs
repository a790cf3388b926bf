using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace PinterestAds.Testing.Tests.Reports;

public sealed class ReportTests : ApiTest
{
    private static readonly HttpClient Storage = new();

    private DateTime Today => Server.UtcNow.UtcDateTime.Date;

    private static string D(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private JsonObject Request(DateTime start, DateTime end, string level = "CAMPAIGN", string format = "JSON", params string[] campaignIds) => new()
    {
        ["start_date"] = D(start),
        ["end_date"] = D(end),
        ["granularity"] = "DAY",
        ["level"] = level,
        ["columns"] = new JsonArray("SPEND_IN_DOLLAR", "IMPRESSION_1", "CLICKTHROUGH_1", "TOTAL_CONVERSIONS"),
        ["report_format"] = format,
        ["campaign_ids"] = new JsonArray(campaignIds.Select(id => (JsonNode)id).ToArray()),
    };

    private async Task<string> Create(JsonObject request)
    {
        var reply = await Api.Post($"ad_accounts/{Api.Account}/reports", request);
        Assert.True(reply.Status == 200, reply.ToString());
        Assert.Equal("IN_PROGRESS", (string)reply.Json!["report_status"]!);
        return (string)reply.Json!["token"]!;
    }

    private async Task<JsonNode> Poll(string token) => (await Api.Get($"ad_accounts/{Api.Account}/reports?token={token}")).Json!;

    [Fact]
    public async Task A_report_is_in_progress_for_the_set_polls_then_finished_with_a_url_on_the_fake()
    {
        Server.Reports.PollsUntilFinished = 2;
        string token = await Create(Request(Today.AddDays(-200), Today.AddDays(-100), campaignIds: ["11", "22"]));

        Assert.Equal("IN_PROGRESS", (string)(await Poll(token))["report_status"]!);
        Assert.Equal("IN_PROGRESS", (string)(await Poll(token))["report_status"]!);
        var finished = await Poll(token);
        Assert.Equal("FINISHED", (string)finished["report_status"]!);
        string url = (string)finished["url"]!;
        Assert.StartsWith(Server.UploadUri.GetLeftPart(UriPartial.Authority) + "/reports-download/", url);
        Assert.Contains("X-Amz-Signature=", url);

        using var download = await Storage.GetAsync(url);
        Assert.Equal(200, (int)download.StatusCode);
        byte[] file = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal((long)finished["size"]!, file.Length);
        var report = JsonNode.Parse(file)!.AsObject();
        Assert.Equal(new[] { "11", "22" }, report.Select(p => p.Key));
        Assert.Equal(101, report["11"]!.AsArray().Count);

        // The same per-(id, date) values as the synchronous path.
        var row = report["22"]![0]!;
        Assert.Equal(D(Today.AddDays(-200)), (string)row["DATE"]!);
        Assert.Equal("22", (string)row["CAMPAIGN_ID"]!);
        Assert.Equal((decimal)Server.Analytics.DailyValue("22", Today.AddDays(-200), "SPEND_IN_DOLLAR"), (decimal)row["SPEND_IN_DOLLAR"]!);
        Assert.Equal((long)Server.Analytics.DailyValue("22", Today.AddDays(-200), "IMPRESSION_1"), (long)row["IMPRESSION_1"]!);
    }

    [Fact]
    public async Task Sync_and_async_rows_agree_for_the_same_days()
    {
        Server.Reports.PollsUntilFinished = 0;
        DateTime start = Today.AddDays(-20);
        var sync = await Api.Get($"ad_accounts/{Api.Account}/campaigns/analytics?campaign_ids=77&start_date={D(start)}&end_date={D(Today)}&granularity=DAY&columns=SPEND_IN_DOLLAR,IMPRESSION_1,CLICKTHROUGH_1,TOTAL_CONVERSIONS");
        string token = await Create(Request(start, Today, campaignIds: ["77"]));
        using var download = await Storage.GetAsync((string)(await Poll(token))["url"]!);
        var rows = JsonNode.Parse(await download.Content.ReadAsStringAsync())!["77"]!.AsArray();
        var expected = sync.Json!.AsArray();
        Assert.Equal(expected.Count, rows.Count);
        for (int i = 0; i < expected.Count; i++)
        {
            // JSON reports leave zero metrics out instead of zero-filling them.
            foreach (var (column, value) in expected[i]!.AsObject())
            {
                string want = value!.ToJsonString();
                Assert.Equal(want, rows[i]![column]?.ToJsonString() ?? (want == "0" ? "0" : "absent"));
            }
        }
    }

    [Fact]
    public async Task Csv_reports_have_display_name_headers_and_zero_filled_rows()
    {
        Server.Reports.PollsUntilFinished = 0;
        Server.Analytics.SetDailyMetrics("5", Today.AddDays(-1), conversions: 0);
        string token = await Create(Request(Today.AddDays(-1), Today, format: "CSV", campaignIds: ["5"]));
        var finished = await Poll(token);
        using var download = await Storage.GetAsync((string)finished["url"]!);
        Assert.Equal("text/csv", download.Content.Headers.ContentType!.MediaType);
        string[] lines = (await download.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Date,Campaign ID,Spend,Paid impressions,Paid Pin clicks,Conversions", lines[0]);
        Assert.Equal(3, lines.Length);
        string[] first = lines[1].Split(',');
        Assert.Equal(D(Today.AddDays(-1)), first[0]);
        Assert.Equal("0", first[5]);

        // JSON does not zero-fill: the zero conversions are absent there.
        string jsonToken = await Create(Request(Today.AddDays(-1), Today, campaignIds: ["5"]));
        using var json = await Storage.GetAsync((string)(await Poll(jsonToken))["url"]!);
        Assert.Null(JsonNode.Parse(await json.Content.ReadAsStringAsync())!["5"]![0]!["TOTAL_CONVERSIONS"]);
    }

    [Fact]
    public async Task Reports_without_ids_cover_the_levels_entities_and_name_columns_come_along()
    {
        Server.Reports.PollsUntilFinished = 0;
        string[] campaigns = await Api.CreateCampaigns(Api.Campaign("one"), Api.Campaign("two"));
        var request = Request(Today, Today);
        request.Remove("campaign_ids");
        request["columns"]!.AsArray().Add("CAMPAIGN_NAME");
        string token = await Create(request);
        using var download = await Storage.GetAsync((string)(await Poll(token))["url"]!);
        var report = JsonNode.Parse(await download.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(campaigns, report.Select(p => p.Key));
        Assert.Equal("two", (string)report[campaigns[1]]![0]!["CAMPAIGN_NAME"]!);

        var advertiser = Request(Today, Today, level: "ADVERTISER");
        advertiser.Remove("campaign_ids");
        using var account = await Storage.GetAsync((string)(await Poll(await Create(advertiser)))["url"]!);
        Assert.Equal(Api.Account, (string)JsonNode.Parse(await account.Content.ReadAsStringAsync())![Api.Account]![0]!["ADVERTISER_ID"]!);
    }

    [Fact]
    public async Task The_download_refuses_a_bearer_a_forged_signature_and_an_expired_url()
    {
        Server.Reports.PollsUntilFinished = 0;
        string token = await Create(Request(Today, Today, campaignIds: ["1"]));
        string url = (string)(await Poll(token))["url"]!;

        using (var withBearer = new HttpRequestMessage(HttpMethod.Get, url))
        {
            withBearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Api.Token);
            using var refused = await Storage.SendAsync(withBearer);
            Assert.Equal(400, (int)refused.StatusCode);
            string xml = await refused.Content.ReadAsStringAsync();
            Assert.Contains("Only one auth mechanism allowed", xml);
            Assert.DoesNotContain(Api.Token!, xml);
        }

        using (var forged = await Storage.GetAsync(url.Replace("X-Amz-Signature=", "X-Amz-Signature=0")))
        {
            Assert.Equal(403, (int)forged.StatusCode);
        }

        Server.AdvanceClock(TimeSpan.FromMinutes(6));
        using (var expired = await Storage.GetAsync(url))
        {
            Assert.Equal(403, (int)expired.StatusCode);
            Assert.Contains("Request has expired", await expired.Content.ReadAsStringAsync());
        }

        Assert.Equal("FINISHED", (string)(await Poll(token))["report_status"]!);
        Server.AdvanceClock(TimeSpan.FromHours(1));
        Assert.Equal("EXPIRED", (string)(await Poll(token))["report_status"]!);
    }

    [Theory]
    [InlineData("EXPIRED")]
    [InlineData("FAILED")]
    [InlineData("CANCELLED")]
    public async Task Tests_can_force_a_reports_end(string status)
    {
        string token = await Create(Request(Today, Today, campaignIds: ["1"]));
        Server.Reports.SetStatus(token, status);
        var polled = await Poll(token);
        Assert.Equal(status, (string)polled["report_status"]!);
        Assert.Null(polled["url"]);
        Assert.Equal("DOES_NOT_EXIST", (string)(await Poll("nope"))["report_status"]!);
    }

    [Theory]
    [InlineData(-915, -900, "DAY", "last 914 days")]
    [InlineData(-300, -114, "DAY", "less than 186 days")]
    [InlineData(-9, -8, "HOUR", "last 8 days")]
    [InlineData(-2, 1, "DAY", "in the future")]
    public async Task Date_limits_are_400s(int startOffset, int endOffset, string granularity, string message)
    {
        var request = Request(Today.AddDays(startOffset), Today.AddDays(endOffset), campaignIds: ["1"]);
        request["granularity"] = granularity;
        var reply = await Api.Post($"ad_accounts/{Api.Account}/reports", request);
        Assert.Equal(400, reply.Status);
        Assert.Contains(message, reply.Text);
        Assert.Empty(Server.Reports.Tokens);
    }

    [Fact]
    public async Task Range_level_format_columns_and_filters_are_checked()
    {
        Assert.Equal(200, (await Api.Post($"ad_accounts/{Api.Account}/reports", Request(Today.AddDays(-914), Today.AddDays(-729), campaignIds: ["1"]))).Status);

        var level = Request(Today, Today, level: "CREATIVE", campaignIds: ["1"]);
        Assert.Contains("level must be one of", (await Api.Post($"ad_accounts/{Api.Account}/reports", level)).Text);
        var format = Request(Today, Today, format: "XLSX", campaignIds: ["1"]);
        Assert.Contains("report_format", (await Api.Post($"ad_accounts/{Api.Account}/reports", format)).Text);
        var column = Request(Today, Today, campaignIds: ["1"]);
        column["columns"]!.AsArray().Add("CONVERSION_1");
        Assert.Contains("'CONVERSION_1' is not a valid column", (await Api.Post($"ad_accounts/{Api.Account}/reports", column)).Text);
        var tooMany = Request(Today, Today, campaignIds: Enumerable.Range(1, 501).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray());
        Assert.Contains("between 1 and 500", (await Api.Post($"ad_accounts/{Api.Account}/reports", tooMany)).Text);
        Assert.Equal(200, (await Api.Post($"ad_accounts/{Api.Account}/reports", Request(Today, Today, campaignIds: Enumerable.Range(1, 500).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray()))).Status);
        Assert.Contains("query parameters", (await Api.Post($"ad_accounts/{Api.Account}/reports?level=CAMPAIGN", Request(Today, Today, campaignIds: ["1"]))).Text);
        Assert.Equal(2, Server.Reports.Tokens.Count);
    }
}
