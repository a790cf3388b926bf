using System.Text;
using Microsoft.Extensions.Time.Testing;
using PinterestAds.Core.Auth;
using PinterestAds.Core.Coordination;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Tests.Auth;
using PinterestAds.Core.Tests.Limiting;
using StackExchange.Redis;
using Xunit;

namespace PinterestAds.Core.Tests.Coordination;

[Collection(RedisTimingCollection.Name)]
public sealed class RedisTokenStoreTests : IDisposable
{
    private const string ClientId = "1234567";
    private const string Secret = "client-secret-of-the-app";
    private const string ApiBase = "http://127.0.0.1:9/v5/";

    private readonly RedisServer _redis = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));
    private readonly RecordingObserver _observer = new();

    public void Dispose() => _redis.Dispose();

    private RedisTokenStore Store(string secret = Secret, string apiBase = ApiBase) => new(_redis.Configuration, ClientId, apiBase, secret, _time);

    private async Task<IDatabase> Db() => (await RedisConnections.GetAsync(_redis.Configuration)).GetDatabase();

    /// <summary>A pair whose lineage is the given refresh tokens, the last one current.</summary>
    private TokenEntry Pair(params string[] refreshTokens)
    {
        var entry = new TokenEntry
        {
            ClientId = ClientId,
            ApiBaseUri = ApiBase,
            AccessToken = "pina_" + Guid.NewGuid().ToString("N"),
            AccessTokenExpiresAt = _time.GetUtcNow().AddDays(30).ToUnixTimeSeconds(),
            RefreshToken = refreshTokens[^1],
            RefreshTokenExpiresAt = _time.GetUtcNow().AddDays(60).ToUnixTimeSeconds(),
            Scope = "ads:read,ads:write",
            UpdatedAt = _time.GetUtcNow().ToUnixTimeSeconds(),
        };
        foreach (var token in refreshTokens)
        {
            entry.AddToLineage(token);
        }

        return entry;
    }

    private static string Token(string name) => "pinr." + name + "-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_published_pair_reads_back_and_Redis_holds_no_token_text()
    {
        var store = Store();
        var pair = Pair(Token("root"), Token("second"));

        var write = await store.PublishAsync(pair, 0, _observer, default);
        var read = await store.ReadAsync(pair.Lineage[0], _observer, default);

        Assert.True(write.Written);
        Assert.Equal(1, write.Generation);
        Assert.Equal(1, read.Generation);
        Assert.Equal(pair.AccessToken, read.Entry!.AccessToken);
        Assert.Equal(pair.RefreshToken, read.Entry.RefreshToken);
        Assert.Equal(pair.Lineage, read.Entry.Lineage);
        Assert.Equal(pair.Scope, read.Entry.Scope);
        Assert.Equal(pair.AccessTokenExpiresAt, read.Entry.AccessTokenExpiresAt);

        // Nothing in any key name or value gives a token, or a hash of one, away.
        var db = await Db();
        var server = (await RedisConnections.GetAsync(_redis.Configuration)).GetServers()[0];
        var keys = server.Keys(pattern: "pinterestads:tokens:*").Select(k => (string)k!).ToList();
        Assert.Equal(2, keys.Count);
        var secrets = new[] { pair.AccessToken!, pair.RefreshToken!, TokenEntry.Hash(pair.RefreshToken!), pair.Lineage[0], pair.Lineage[0][..16] };
        foreach (var key in keys)
        {
            string text = key + (await db.KeyTypeAsync(key) == RedisType.Hash
                ? string.Join("|", (await db.HashGetAllAsync(key)).Select(f => Encoding.Latin1.GetString((byte[])f.Value!)))
                : Encoding.Latin1.GetString((byte[])(await db.StringGetAsync(key))!));
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, text);
            }
        }
    }

    [Fact]
    public async Task A_store_with_another_client_secret_sees_the_value_as_absent()
    {
        var pair = Pair(Token("root"));
        await Store().PublishAsync(pair, 0, _observer, default);

        var other = await Store("some-other-secret").ReadAsync(pair.Lineage[0], _observer, default);
        var found = await Store("some-other-secret").FindDescendantAsync(pair.RefreshToken!, _observer, default);

        // Another secret even derives other key names; the same key read with the wrong keys is ignored.
        Assert.Null(other.Entry);
        Assert.Null(found.Entry);
        var db = await Db();
        string key = Store().EntryKey(pair.Lineage[0]);
        await db.KeyRenameAsync(key, Store("some-other-secret").EntryKey(pair.Lineage[0]));
        var wrong = await Store("some-other-secret").ReadAsync(pair.Lineage[0], _observer, default);
        Assert.True(wrong.Exists);
        Assert.Null(wrong.Entry);
        Assert.Equal(1, wrong.Generation);
        Assert.Contains("could not be authenticated", _observer.AllText);
    }

    [Fact]
    public async Task An_altered_value_is_ignored_with_a_verbose_message_and_can_be_overwritten()
    {
        var store = Store();
        var pair = Pair(Token("root"));
        await store.PublishAsync(pair, 0, _observer, default);
        var db = await Db();
        string key = store.EntryKey(pair.Lineage[0]);
        byte[] value = (byte[])(await db.HashGetAsync(key, "e"))!;
        value[value.Length / 2] ^= 0x40;
        await db.HashSetAsync(key, "e", value);

        var read = await store.ReadAsync(pair.Lineage[0], _observer, default);

        Assert.True(read.Exists);
        Assert.Null(read.Entry);
        Assert.Contains("VERBOSE: The shared tokens in Redis", _observer.AllText);

        // A generation bumped by hand is also caught: the tag covers it.
        await store.PublishAsync(pair, 1, _observer, default);
        await db.HashSetAsync(key, "g", "7");
        Assert.Null((await store.ReadAsync(pair.Lineage[0], _observer, default)).Entry);

        // The next writer names the generation it saw and replaces the bad value.
        var write = await store.PublishAsync(pair, 7, _observer, default);
        Assert.True(write.Written);
        Assert.Equal(pair.RefreshToken, (await store.ReadAsync(pair.Lineage[0], _observer, default)).Entry!.RefreshToken);
    }

    [Fact]
    public async Task A_write_naming_a_stale_generation_is_refused_and_changes_nothing()
    {
        var store = Store();
        string root = Token("root");
        var first = Pair(root, Token("a"));
        var second = Pair(root, Token("b"));

        var won = await store.PublishAsync(first, 0, _observer, default);
        var lost = await store.PublishAsync(second, 0, _observer, default);

        Assert.True(won.Written);
        Assert.False(lost.Written);
        Assert.Equal(1, lost.Generation);
        var read = await store.ReadAsync(first.Lineage[0], _observer, default);
        Assert.Equal(first.RefreshToken, read.Entry!.RefreshToken);

        var next = await store.PublishAsync(second, lost.Generation, _observer, default);
        Assert.True(next.Written);
        Assert.Equal(2, next.Generation);
    }

    [Fact]
    public async Task Concurrent_writers_from_the_same_generation_have_exactly_one_winner()
    {
        var store = Store();
        string root = Token("root");
        var writes = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => store.PublishAsync(Pair(root, Token("w" + i)), 0, _observer, default)));

        Assert.Single(writes, w => w.Written);
        Assert.All(writes.Where(w => !w.Written), w => Assert.Equal(1, w.Generation));
    }

    [Fact]
    public async Task Any_refresh_token_of_the_lineage_finds_the_newest_pair()
    {
        var store = Store();
        string root = Token("root"), second = Token("second"), third = Token("third");
        var pair = Pair(root, second, third);
        await store.PublishAsync(pair, 0, _observer, default);

        foreach (var token in new[] { root, second, third })
        {
            var found = await store.FindDescendantAsync(token, _observer, default);
            Assert.Equal(pair.RefreshToken, found.Entry?.RefreshToken);
        }

        Assert.Null((await store.FindDescendantAsync(Token("unrelated"), _observer, default)).Entry);
        Assert.Null((await Store(apiBase: "https://api.pinterest.com/v5/").FindDescendantAsync(root, _observer, default)).Entry);
    }

    [Fact]
    public async Task Keys_live_as_long_as_the_refresh_token_and_Forget_removes_them_all()
    {
        var store = Store();
        var pair = Pair(Token("root"), Token("second"));
        pair.RefreshTokenExpiresAt = _time.GetUtcNow().AddDays(2).ToUnixTimeSeconds();
        await store.PublishAsync(pair, 0, _observer, default);
        var db = await Db();

        var ttl = await db.KeyTimeToLiveAsync(store.EntryKey(pair.Lineage[0]));
        var aliasTtl = await db.KeyTimeToLiveAsync(store.AliasKey(pair.Lineage[1]));
        Assert.InRange(ttl!.Value, TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(2));
        Assert.InRange(aliasTtl!.Value, TimeSpan.FromDays(2) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(2));

        await store.ForgetAsync(pair, _observer, default);

        Assert.False(await db.KeyExistsAsync(store.EntryKey(pair.Lineage[0])));
        Assert.False(await db.KeyExistsAsync(store.AliasKey(pair.Lineage[1])));
        Assert.False((await store.FindDescendantAsync(pair.RefreshToken!, _observer, default)).Exists);
    }

    [Fact]
    public async Task A_pair_whose_refresh_token_expired_is_not_published()
    {
        var store = Store();
        var pair = Pair(Token("root"));
        pair.RefreshTokenExpiresAt = _time.GetUtcNow().AddSeconds(-1).ToUnixTimeSeconds();

        var write = await store.PublishAsync(pair, 0, _observer, default);

        Assert.False(write.Written);
        Assert.Equal(0, write.Generation);
        Assert.False((await store.ReadAsync(pair.Lineage[0], _observer, default)).Exists);
    }

    [Fact]
    public async Task Redis_down_is_an_error_not_an_empty_store()
    {
        var store = Store();
        var pair = Pair(Token("root"));
        _redis.Kill();

        var read = await Assert.ThrowsAsync<PinterestAdsException>(() => store.ReadAsync(pair.Lineage[0], _observer, default));
        var write = await Assert.ThrowsAsync<PinterestAdsException>(() => store.PublishAsync(pair, 0, _observer, default));

        Assert.Equal(RedisTokenStore.UnavailableErrorId, read.ErrorId);
        Assert.Equal(RedisTokenStore.UnavailableErrorId, write.ErrorId);
        Assert.Equal(FailureKind.LimitsExceeded, read.Kind);
        Assert.Contains("unreachable", read.Message);
    }
}
