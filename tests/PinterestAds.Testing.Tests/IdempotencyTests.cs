using System.Text.Json.Nodes;

namespace PinterestAds.Testing.Tests;

public sealed class IdempotencyTests : ApiTest
{
    private string Path => $"ad_accounts/{Api.Account}/campaigns";

    [Fact]
    public async Task Same_key_same_body_replays_without_a_second_write()
    {
        var body = new JsonArray(Api.Campaign("once"));
        var first = await Api.Post(Path, body, "key-1");
        var second = await Api.Post(Path, body, "key-1");

        Assert.Equal(200, second.Status);
        Assert.Equal("true", second.Header("Idempotent-Replayed"));
        Assert.Null(first.Header("Idempotent-Replayed"));
        Assert.Equal(first.Text, second.Text);
        Assert.NotEqual(first.Header("x-pinterest-rid"), second.Header("x-pinterest-rid"));
        Assert.Equal(1, Server.CountEntities(Api.Account, "campaigns"));
        Assert.True(Server.Requests.Last().IdempotentReplay);
    }

    [Fact]
    public async Task Same_key_different_body_is_a_422()
    {
        await Api.Post(Path, new JsonArray(Api.Campaign("one")), "key-2");
        var reused = await Api.Post(Path, new JsonArray(Api.Campaign("two")), "key-2");
        Assert.Equal(422, reused.Status);
        Assert.Equal("{\"code\":1,\"message\":\"Idempotency-Key reused with a different request\"}", reused.Text);
        Assert.Equal(1, Server.CountEntities(Api.Account, "campaigns"));
    }

    [Fact]
    public async Task Retry_after_a_dropped_committed_write_is_replayed()
    {
        var body = new JsonArray(Api.Campaign("dropped"));
        Server.Faults.DropAfterCommit("POST", "/" + Path, 1);
        await Assert.ThrowsAsync<HttpRequestException>(() => Api.Post(Path, body, "key-3"));
        var retry = await Api.Post(Path, body, "key-3");
        Assert.Equal(200, retry.Status);
        Assert.Equal("true", retry.Header("Idempotent-Replayed"));
        Assert.Equal(1, Server.CountEntities(Api.Account, "campaigns", "dropped"));
    }

    [Fact]
    public async Task Ignoring_the_key_like_real_pinterest_duplicates()
    {
        Server.HonourIdempotencyKey = false;
        var body = new JsonArray(Api.Campaign("twice"));
        await Api.Post(Path, body, "key-4");
        var second = await Api.Post(Path, body, "key-4");
        Assert.Null(second.Header("Idempotent-Replayed"));
        Assert.Equal(2, Server.CountEntities(Api.Account, "campaigns", "twice"));
    }

    [Fact]
    public async Task Auth_failures_are_not_stored_under_the_key()
    {
        var body = new JsonArray(Api.Campaign("after refresh"));
        string good = Api.Token!;
        Api.Token = "pina_expired";
        Assert.Equal(401, (await Api.Post(Path, body, "key-5")).Status);
        Api.Token = good;
        var retry = await Api.Post(Path, body, "key-5");
        Assert.Equal(200, retry.Status);
        Assert.Null(retry.Header("Idempotent-Replayed"));
    }
}
