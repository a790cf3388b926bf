using System.Text.Json.Nodes;

namespace PinterestAds.Testing.Tests;

public sealed class IdempotencyTests : IDisposable
{
    private readonly PinTestServer _server = PinTestServer.StartNew();
    private readonly Api _api;

    public IdempotencyTests()
    {
        _api = new Api(_server);
    }

    private string Path => $"ad_accounts/{_api.Account}/campaigns";

    public void Dispose()
    {
        _api.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task Same_key_same_body_replays_without_a_second_write()
    {
        var body = new JsonArray(_api.Campaign("once"));
        var first = await _api.Post(Path, body, "key-1");
        var second = await _api.Post(Path, body, "key-1");

        Assert.Equal(200, second.Status);
        Assert.Equal("true", second.Header("Idempotent-Replayed"));
        Assert.Null(first.Header("Idempotent-Replayed"));
        Assert.Equal(first.Text, second.Text);
        Assert.NotEqual(first.Header("x-pinterest-rid"), second.Header("x-pinterest-rid"));
        Assert.Equal(1, _server.CountEntities(_api.Account, "campaigns"));
        Assert.True(_server.Requests.Last().IdempotentReplay);
    }

    [Fact]
    public async Task Same_key_different_body_is_a_422()
    {
        await _api.Post(Path, new JsonArray(_api.Campaign("one")), "key-2");
        var reused = await _api.Post(Path, new JsonArray(_api.Campaign("two")), "key-2");
        Assert.Equal(422, reused.Status);
        Assert.Equal("{\"code\":1,\"message\":\"Idempotency-Key reused with a different request\"}", reused.Text);
        Assert.Equal(1, _server.CountEntities(_api.Account, "campaigns"));
    }

    [Fact]
    public async Task Retry_after_a_dropped_committed_write_is_replayed()
    {
        var body = new JsonArray(_api.Campaign("dropped"));
        _server.Faults.DropAfterCommit("POST", "/" + Path, 1);
        await Assert.ThrowsAsync<HttpRequestException>(() => _api.Post(Path, body, "key-3"));
        var retry = await _api.Post(Path, body, "key-3");
        Assert.Equal(200, retry.Status);
        Assert.Equal("true", retry.Header("Idempotent-Replayed"));
        Assert.Equal(1, _server.CountEntities(_api.Account, "campaigns", "dropped"));
    }

    [Fact]
    public async Task Ignoring_the_key_like_real_pinterest_duplicates()
    {
        _server.HonourIdempotencyKey = false;
        var body = new JsonArray(_api.Campaign("twice"));
        await _api.Post(Path, body, "key-4");
        var second = await _api.Post(Path, body, "key-4");
        Assert.Null(second.Header("Idempotent-Replayed"));
        Assert.Equal(2, _server.CountEntities(_api.Account, "campaigns", "twice"));
    }

    [Fact]
    public async Task Auth_failures_are_not_stored_under_the_key()
    {
        var body = new JsonArray(_api.Campaign("after refresh"));
        string good = _api.Token!;
        _api.Token = "pina_expired";
        Assert.Equal(401, (await _api.Post(Path, body, "key-5")).Status);
        _api.Token = good;
        var retry = await _api.Post(Path, body, "key-5");
        Assert.Equal(200, retry.Status);
        Assert.Null(retry.Header("Idempotent-Replayed"));
    }
}
