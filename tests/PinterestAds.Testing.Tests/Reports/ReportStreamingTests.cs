using System.Globalization;
using System.Text.Json.Nodes;
using PinterestAds.Testing.Tests.Media;

namespace PinterestAds.Testing.Tests.Reports;

[Collection(AllocationMeasurementCollection.Name)]
public sealed class ReportStreamingTests : ApiTest
{
    private const long Megabyte = 1024 * 1024;

    [Fact]
    public async Task A_large_report_is_generated_as_it_downloads_never_held_whole()
    {
        Server.Reports.PollsUntilFinished = 0;
        DateTime today = Server.UtcNow.UtcDateTime.Date;
        var columns = new JsonArray("SPEND_IN_DOLLAR", "SPEND_IN_MICRO_DOLLAR", "IMPRESSION_1", "IMPRESSION_2", "CLICKTHROUGH_1", "CLICKTHROUGH_2",
            "TOTAL_CONVERSIONS", "CTR", "CPC_IN_MICRO_DOLLAR", "CPM_IN_MICRO_DOLLAR", "TOTAL_IMPRESSION", "TOTAL_CLICKTHROUGH");
        var request = new JsonObject
        {
            ["start_date"] = today.AddDays(-185).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["end_date"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["granularity"] = "DAY",
            ["level"] = "CAMPAIGN",
            ["columns"] = columns,
            ["campaign_ids"] = new JsonArray(Enumerable.Range(1, 500).Select(i => (JsonNode)(1_000_000 + i).ToString(CultureInfo.InvariantCulture)).ToArray()),
        };
        string token = (string)(await Api.Post($"ad_accounts/{Api.Account}/reports", request)).Json!["token"]!;
        var finished = (await Api.Get($"ad_accounts/{Api.Account}/reports?token={token}")).Json!;
        long size = (long)finished["size"]!;
        Assert.True(size > 24 * Megabyte, $"report of {size / Megabyte} MB is too small to show anything");

        using var client = new HttpClient();
        using var response = await client.GetAsync((string)finished["url"]!, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(size, response.Content.Headers.ContentLength);
        using var body = await response.Content.ReadAsStreamAsync();
        long baseline = GC.GetTotalMemory(forceFullCollection: true);
        var buffer = new byte[64 * 1024];
        long read = 0;
        long peak = 0;
        int count;
        while ((count = await body.ReadAsync(buffer)) > 0)
        {
            read += count;
            if (read / (8 * Megabyte) != (read - count) / (8 * Megabyte))
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - baseline);
            }
        }

        Assert.Equal(size, read);
        // A server that built the file first would hold all of it (and more) while sending it.
        Assert.True(peak < 16 * Megabyte, $"heap grew {peak / Megabyte} MB while a {size / Megabyte} MB report streamed");
        Assert.Equal(1, Server.WireStats.StreamedResponses);
    }
}
