using System.Net;
using System.Net.Http.Headers;
using PinterestAds.Core.Auth;
using PinterestAds.Core.Coordination;
using PinterestAds.Core.Http;
using PinterestAds.Core.Tests.Auth;
using PinterestAds.Core.Tests.Limiting;
using PinterestAds.Testing;
using Xunit;

namespace PinterestAds.Core.Tests.Coordination;

/// <summary>
/// Two "machines" (separate token caches and lock files, one Redis) sharing one sign-in against
/// the in-process fake Pinterest, which rotates refresh tokens and answers 400 code 283 to a
/// spent one.
/// </summary>
[Collection(RedisTimingCollection.Name)]
public sealed class SharedTokenRefreshTests : IDisposable
{
    private readonly RedisServer _redis = new();
    private readonly PinTestServer _server = PinTestServer.StartNew(1);
    private readonly HttpClient _http = new();
    private readonly List<string> _folders = new();

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
        _redis.Dispose();
        foreach (var folder in _folders)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (DirectoryNotFoundException)
            {
            }
        }
    }

    private sealed class Machine
    {
        public required TokenCache Cache { get; init; }

        public required OAuthClient OAuth { get; init; }

        public required RedisTokenStore? Store { get; init; }

        public RecordingObserver Observer { get; } = new();

        public TokenManager Tokens { get; set; } = null!;
    }

    private string ApiBase => _server.BaseUri.ToString();

    private Machine NewMachine(bool shareTokens = true, bool redisLock = true)
    {
        string folder = Path.Combine(Path.GetTempPath(), "pinads-shared-" + Guid.NewGuid().ToString("N"));
        _folders.Add(folder);
        var store = shareTokens ? new RedisTokenStore(_redis.Configuration, _server.ClientId, ApiBase, _server.ClientSecret) : null;
        var cache = new TokenCache(TokenCacheFactory.OpenPlaintext(folder), redisLock ? new RedisRefreshCoordinator(_redis.Configuration) : null, store);
        var endpoint = ApiEndpoint.Parse(ApiBase, "ApiBaseUri");
        var transport = new ApiTransport(endpoint, _server.ClientId, _http, new CountingLimiter());
        return new Machine { Cache = cache, OAuth = new OAuthClient(transport, _server.ClientId, _server.ClientSecret, TimeProvider.System), Store = store };
    }

    private async Task<Machine> ConnectAsync(Machine machine, string refreshToken, string? accessToken = null)
    {
        machine.Tokens = await TokenManager.FromRefreshTokenAsync(
            machine.Cache, machine.OAuth, _server.ClientId, ApiBase, refreshToken, accessToken, new TokenRefreshPolicy(), TimeProvider.System, machine.Observer, default);
        return machine;
    }

    /// <summary>One API call the way the request pipeline makes it: bearer token, and one renewal after a 401.</summary>
    private async Task<HttpStatusCode> CallAsync(Machine machine)
    {
        string token = await machine.Tokens.GetAccessTokenAsync(machine.Observer, default);
        var status = await GetAdAccountsAsync(token);
        if (status == HttpStatusCode.Unauthorized && await machine.Tokens.RenewAfterRejectionAsync(token, machine.Observer, default))
        {
            status = await GetAdAccountsAsync(await machine.Tokens.GetAccessTokenAsync(machine.Observer, default));
        }

        return status;
    }

    private async Task<HttpStatusCode> GetAdAccountsAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, ApiBase.TrimEnd('/') + "/ad_accounts");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await _http.SendAsync(request);
        return response.StatusCode;
    }

    private int DeadTokenAnswers() => _server.RequestsTo("POST", "/oauth/token")
        .Count(r => r.ResponseStatus == 400 && (r.ResponseBody ?? string.Empty).Contains("283", StringComparison.Ordinal));

    private static bool UsedSharedPair(Machine machine) => machine.Observer.AllText.Contains("shared through Redis", StringComparison.Ordinal);

    [Fact]
    public async Task Two_machines_with_expired_access_tokens_refresh_once_and_the_second_uses_the_shared_pair()
    {
        string refresh = _server.IssueRefreshToken();
        string access = _server.IssueAccessToken();
        _server.ExpireAccessTokens();
        var a = await ConnectAsync(NewMachine(), refresh, access);
        var b = await ConnectAsync(NewMachine(), refresh, access);
        a.Observer.Messages.Clear();
        b.Observer.Messages.Clear();
        int before = _server.TokenRefreshCount;

        var statuses = await Task.WhenAll(CallAsync(a), CallAsync(b));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(1, _server.TokenRefreshCount - before);
        Assert.Equal(0, DeadTokenAnswers());
        Assert.Equal(a.Tokens.Current.RefreshToken, b.Tokens.Current.RefreshToken);
        Assert.Equal(a.Tokens.Current.AccessToken, b.Tokens.Current.AccessToken);
        var waited = Assert.Single(new[] { a, b }, m => m.Observer.AllText.Contains(SharedGrant.TookSharedPair, StringComparison.Ordinal));
        Assert.DoesNotContain("Refreshing the Pinterest access token", waited.Observer.AllText);
    }

    [Fact]
    public async Task Three_rounds_of_rotation_across_two_machines_never_send_a_dead_refresh_token()
    {
        string original = _server.IssueRefreshToken();
        int before = _server.TokenRefreshCount;

        // Machine A spends the original; B, starting from the same token, takes the pair A shared.
        var a = await ConnectAsync(NewMachine(), original);
        var b = await ConnectAsync(NewMachine(), original);
        Assert.True(UsedSharedPair(b));
        Assert.Equal(1, _server.TokenRefreshCount - before);

        var machines = new[] { a, b };
        for (int round = 0; round < 3; round++)
        {
            _server.ExpireAccessTokens();
            var first = machines[round % 2];
            var second = machines[(round + 1) % 2];
            Assert.Equal(HttpStatusCode.OK, await CallAsync(first));
            Assert.Equal(HttpStatusCode.OK, await CallAsync(second));
            Assert.Equal(first.Tokens.Current.RefreshToken, second.Tokens.Current.RefreshToken);
        }

        Assert.Equal(4, _server.TokenRefreshCount - before);
        Assert.Equal(0, DeadTokenAnswers());

        // A third machine given the original (or any later token of the lineage) gets the newest pair and spends nothing.
        var c = await ConnectAsync(NewMachine(), original);
        Assert.Equal(a.Tokens.Current.RefreshToken, c.Tokens.Current.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, await CallAsync(c));
        Assert.Equal(4, _server.TokenRefreshCount - before);
        Assert.Equal(0, DeadTokenAnswers());
    }

    [Fact]
    public async Task Without_the_shared_store_the_second_machine_spends_a_dead_token()
    {
        // The gap this store closes: the Redis lock alone serialises the refreshes, but machine B
        // still holds the refresh token machine A already rotated.
        string original = _server.IssueRefreshToken();
        var a = await ConnectAsync(NewMachine(shareTokens: false), original);

        await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(NewMachine(shareTokens: false), original));

        Assert.Equal(1, DeadTokenAnswers());
        Assert.NotNull(a.Tokens.Current.AccessToken);
    }

    [Fact]
    public async Task A_machine_given_a_later_token_of_the_lineage_finds_the_newest_pair()
    {
        string original = _server.IssueRefreshToken();
        var a = await ConnectAsync(NewMachine(), original);
        string second = a.Tokens.Current.RefreshToken!;
        _server.ExpireAccessTokens();
        Assert.Equal(HttpStatusCode.OK, await CallAsync(a));
        int before = _server.TokenRefreshCount;

        var b = await ConnectAsync(NewMachine(), second);

        Assert.Equal(a.Tokens.Current.RefreshToken, b.Tokens.Current.RefreshToken);
        Assert.Equal(a.Tokens.Current.GrantKey, b.Tokens.Current.GrantKey);
        Assert.Equal(HttpStatusCode.OK, await CallAsync(b));
        Assert.Equal(before, _server.TokenRefreshCount);
    }

    [Fact]
    public async Task With_Redis_unreachable_nothing_is_spent()
    {
        // Even without the Redis lock in front of it, the store fails closed on its own.
        string original = _server.IssueRefreshToken();
        _redis.Kill();
        int requests = _server.Requests.Count;

        var error = await Assert.ThrowsAsync<PinterestAds.Core.Errors.PinterestAdsException>(() => ConnectAsync(NewMachine(redisLock: false), original));

        Assert.Equal(RedisTokenStore.UnavailableErrorId, error.ErrorId);
        Assert.Contains("unreachable", error.Message);
        Assert.Equal(requests, _server.Requests.Count);
    }

    [Fact]
    public async Task Forgetting_the_sign_in_deletes_the_shared_pair()
    {
        string original = _server.IssueRefreshToken();
        var a = await ConnectAsync(NewMachine(), original);
        string root = a.Tokens.Current.Lineage[0];
        Assert.NotNull((await a.Store!.ReadAsync(root, a.Observer, default)).Entry);

        await a.Tokens.ForgetAsync(a.Observer, default);

        Assert.False((await a.Store.ReadAsync(root, a.Observer, default)).Exists);
        Assert.False((await a.Store.FindDescendantAsync(original, a.Observer, default)).Exists);
    }
}
