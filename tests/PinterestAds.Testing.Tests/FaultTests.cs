using System.Diagnostics;
using System.Text.Json.Nodes;

namespace PinterestAds.Testing.Tests;

public sealed class FaultTests : ApiTest
{
    [Fact]
    public async Task Injected_429_carries_headers_and_fires_the_given_number_of_times()
    {
        Server.Faults.InjectStatus("GET", "/ad_accounts", 429, times: 2, headers: new Dictionary<string, string> { ["Retry-After"] = "2", ["X-RateLimit-Reset"] = "3" });

        var first = await Api.Get("ad_accounts");
        Assert.Equal(429, first.Status);
        Assert.Equal("2", first.Header("Retry-After"));
        Assert.Equal("3", first.Header("X-RateLimit-Reset"));
        Assert.Equal(8, first.Code);
        Assert.NotNull(first.Header("x-pinterest-rid"));
        Assert.Equal(429, (await Api.Get("ad_accounts")).Status);
        Assert.Equal(200, (await Api.Get("ad_accounts")).Status);
        Assert.Equal(2, Server.Faults.Rules.Single().Hits);
        Assert.Equal(new int?[] { 429, 429, 200 }, Server.RequestsTo("GET", "/v5/ad_accounts").Select(r => r.ResponseStatus));
    }

    [Fact]
    public async Task Drop_after_commit_really_commits()
    {
        Server.Faults.DropAfterCommit("POST", $"/v5/ad_accounts/{Api.Account}/campaigns", 1);
        await Assert.ThrowsAsync<HttpRequestException>(() => Api.Post($"ad_accounts/{Api.Account}/campaigns", new JsonArray(Api.Campaign("lost reply"))));

        Assert.Equal(1, Server.CountEntities(Api.Account, "campaigns", "lost reply"));
        var logged = Server.RequestsTo("POST", "/ad_accounts/").Single();
        Assert.True(logged.Dropped);
        Assert.Equal(200, logged.ResponseStatus);

        var listed = await Api.Get($"ad_accounts/{Api.Account}/campaigns");
        Assert.Equal("lost reply", (string)listed.Json!["items"]![0]!["name"]!);
    }

    [Fact]
    public async Task A_malformed_success_commits_and_answers_with_the_canned_body()
    {
        Server.Faults.InjectMalformedSuccess("POST", $"/ad_accounts/{Api.Account}/campaigns", "<html>upstream reset</html>");

        var reply = await Api.Post($"ad_accounts/{Api.Account}/campaigns", new JsonArray(Api.Campaign("garbled reply")));

        Assert.Equal(200, reply.Status);
        Assert.Equal("<html>upstream reset</html>", reply.Text);
        Assert.Equal(1, Server.CountEntities(Api.Account, "campaigns", "garbled reply"));
    }

    [Fact]
    public async Task The_date_header_shows_the_server_clock_skewed_either_way()
    {
        Server.AdvanceClock(TimeSpan.FromMinutes(-10));
        var behind = DateTimeOffset.Parse((await Api.Get("ad_accounts")).Header("Date")!, System.Globalization.CultureInfo.InvariantCulture);
        Server.AdvanceClock(TimeSpan.FromMinutes(20));
        var ahead = DateTimeOffset.Parse((await Api.Get("ad_accounts")).Header("Date")!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.InRange((DateTimeOffset.UtcNow - behind).TotalMinutes, 9.9, 10.2);
        Assert.InRange((ahead - DateTimeOffset.UtcNow).TotalMinutes, 9.8, 10.1);
    }

    [Fact]
    public async Task Drop_before_processing_changes_nothing()
    {
        Server.Faults.When("POST", "^/v5/ad_accounts/\\d+/campaigns$").DropConnectionBeforeProcessing();
        await Assert.ThrowsAsync<HttpRequestException>(() => Api.Post($"ad_accounts/{Api.Account}/campaigns", new JsonArray(Api.Campaign("never"))));
        Assert.Equal(0, Server.CountEntities(Api.Account, "campaigns"));
        var logged = Server.Requests.Single();
        Assert.True(logged.Dropped);
        Assert.Null(logged.ResponseStatus);
    }

    [Fact]
    public async Task Latency_and_5xx_with_wildcard_paths()
    {
        Server.Faults.InjectLatency("GET", "/ad_accounts/*", TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        Assert.Equal(200, (await Api.Get("ad_accounts/" + Api.Account)).Status);
        Assert.True(watch.ElapsedMilliseconds >= 250, watch.ElapsedMilliseconds.ToString());

        Server.Faults.When("*", "/ad_accounts/*/campaigns").RespondWith(503).Repeat(1);
        var unavailable = await Api.Get($"ad_accounts/{Api.Account}/campaigns");
        Assert.Equal(503, unavailable.Status);
        Assert.Equal(12, unavailable.Code);
        Assert.Equal(0, Server.Faults.PendingCount);
    }
}
