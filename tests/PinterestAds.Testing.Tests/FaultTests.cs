using System.Diagnostics;
using System.Text.Json.Nodes;

namespace PinterestAds.Testing.Tests;

public sealed class FaultTests : IDisposable
{
    private readonly PinTestServer _server = PinTestServer.StartNew();
    private readonly Api _api;

    public FaultTests()
    {
        _api = new Api(_server);
    }

    public void Dispose()
    {
        _api.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task Injected_429_carries_headers_and_fires_the_given_number_of_times()
    {
        _server.Faults.InjectStatus("GET", "/ad_accounts", 429, times: 2, headers: new Dictionary<string, string> { ["Retry-After"] = "2", ["X-RateLimit-Reset"] = "3" });

        var first = await _api.Get("ad_accounts");
        Assert.Equal(429, first.Status);
        Assert.Equal("2", first.Header("Retry-After"));
        Assert.Equal("3", first.Header("X-RateLimit-Reset"));
        Assert.Equal(8, first.Code);
        Assert.NotNull(first.Header("x-pinterest-rid"));
        Assert.Equal(429, (await _api.Get("ad_accounts")).Status);
        Assert.Equal(200, (await _api.Get("ad_accounts")).Status);
        Assert.Equal(2, _server.Faults.Rules.Single().Hits);
        Assert.Equal(new int?[] { 429, 429, 200 }, _server.RequestsTo("GET", "/v5/ad_accounts").Select(r => r.ResponseStatus));
    }

    [Fact]
    public async Task Drop_after_commit_really_commits()
    {
        _server.Faults.DropAfterCommit("POST", $"/v5/ad_accounts/{_api.Account}/campaigns", 1);
        await Assert.ThrowsAsync<HttpRequestException>(() => _api.Post($"ad_accounts/{_api.Account}/campaigns", new JsonArray(_api.Campaign("lost reply"))));

        Assert.Equal(1, _server.CountEntities(_api.Account, "campaigns", "lost reply"));
        var logged = _server.RequestsTo("POST", "/ad_accounts/").Single();
        Assert.True(logged.Dropped);
        Assert.Equal(200, logged.ResponseStatus);

        var listed = await _api.Get($"ad_accounts/{_api.Account}/campaigns");
        Assert.Equal("lost reply", (string)listed.Json!["items"]![0]!["name"]!);
    }

    [Fact]
    public async Task Drop_before_processing_changes_nothing()
    {
        _server.Faults.When("POST", "^/v5/ad_accounts/\\d+/campaigns$").DropConnectionBeforeProcessing();
        await Assert.ThrowsAsync<HttpRequestException>(() => _api.Post($"ad_accounts/{_api.Account}/campaigns", new JsonArray(_api.Campaign("never"))));
        Assert.Equal(0, _server.CountEntities(_api.Account, "campaigns"));
        var logged = _server.Requests.Single();
        Assert.True(logged.Dropped);
        Assert.Null(logged.ResponseStatus);
    }

    [Fact]
    public async Task Latency_and_5xx_with_wildcard_paths()
    {
        _server.Faults.InjectLatency("GET", "/ad_accounts/*", TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();
        Assert.Equal(200, (await _api.Get("ad_accounts/" + _api.Account)).Status);
        Assert.True(watch.ElapsedMilliseconds >= 250, watch.ElapsedMilliseconds.ToString());

        _server.Faults.When("*", "/ad_accounts/*/campaigns").RespondWith(503).Repeat(1);
        var unavailable = await _api.Get($"ad_accounts/{_api.Account}/campaigns");
        Assert.Equal(503, unavailable.Status);
        Assert.Equal(12, unavailable.Code);
        Assert.Equal(0, _server.Faults.PendingCount);
    }
}
