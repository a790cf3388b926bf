using PinterestAds.Core.Auth;
using PinterestAds.Core.Errors;
using Xunit;

namespace PinterestAds.Core.Tests.Auth;

public sealed class TokenManagerTests
{
    [Fact]
    public async Task The_access_token_is_refreshed_when_less_than_the_margin_is_left_and_not_before()
    {
        using var kit = new AuthTestKit();
        kit.Endpoint.AccessTokenLifetime = TimeSpan.FromHours(1);
        var manager = await kit.StartFromRefreshTokenAsync(kit.Endpoint.IssueRefreshToken());
        Assert.Equal(1, kit.Endpoint.RefreshCount);
        string first = await manager.GetAccessTokenAsync(kit.Observer, default);

        // 1 h token: margin = max(10 % = 6 min, 5 min) = 6 min. At 6 min + 1 s left it is kept.
        kit.Time.Advance(TimeSpan.FromMinutes(54) - TimeSpan.FromSeconds(1));
        Assert.Equal(first, await manager.GetAccessTokenAsync(kit.Observer, default));
        Assert.Equal(1, kit.Endpoint.RefreshCount);

        // Two seconds later less than 6 min are left: one refresh, then the new token is kept.
        kit.Time.Advance(TimeSpan.FromSeconds(2));
        string second = await manager.GetAccessTokenAsync(kit.Observer, default);
        Assert.NotEqual(first, second);
        Assert.Equal(second, await manager.GetAccessTokenAsync(kit.Observer, default));
        Assert.Equal(2, kit.Endpoint.RefreshCount);
    }

    [Theory]
    [InlineData(30 * 86400, 3 * 86400)] // 30 days: 10 % = 3 days
    [InlineData(3600, 360)]             // 1 hour: 10 % = 6 min > 5 min
    [InlineData(1200, 300)]             // 20 minutes: 5 min > 10 %
    [InlineData(60, 30)]                // 1 minute: never more than half the lifetime early
    public void The_margin_is_ten_percent_or_five_minutes_capped_at_half_the_lifetime(long lifetimeSeconds, long expectedMarginSeconds)
    {
        var entry = new TokenEntry { AccessToken = "x", AccessTokenIssuedAt = 1000, AccessTokenExpiresAt = 1000 + lifetimeSeconds };
        Assert.Equal(TimeSpan.FromSeconds(expectedMarginSeconds), TokenRefreshPolicy.Default.AccessTokenMargin(entry));
    }

    [Fact]
    public async Task The_margin_is_configurable()
    {
        using var kit = new AuthTestKit();
        kit.Policy.LifetimeFraction = 0.5;
        var manager = await kit.StartFromRefreshTokenAsync(kit.Endpoint.IssueRefreshToken());
        kit.Time.Advance(TimeSpan.FromMinutes(31)); // less than half of the hour left
        await manager.GetAccessTokenAsync(kit.Observer, default);
        Assert.Equal(2, kit.Endpoint.RefreshCount);
    }

    [Fact]
    public async Task A_refresh_re_reads_the_cache_inside_the_lock_and_uses_another_process_token_without_network()
    {
        using var kit = new AuthTestKit();
        string original = kit.Endpoint.IssueRefreshToken();
        var processA = await kit.StartFromRefreshTokenAsync(original);
        var processB = await kit.StartFromRefreshTokenAsync(original); // lineage: no second spend
        Assert.Equal(1, kit.Endpoint.RefreshCount);

        kit.Time.Advance(TimeSpan.FromMinutes(58));
        string fromA = await processA.GetAccessTokenAsync(kit.Observer, default);
        Assert.Equal(2, kit.Endpoint.RefreshCount);

        // B still holds the old pair in memory; inside the lock it finds A's pair and uses it.
        string fromB = await processB.GetAccessTokenAsync(kit.Observer, default);
        Assert.Equal(fromA, fromB);
        Assert.Equal(2, kit.Endpoint.RefreshCount);
    }

    [Fact]
    public async Task After_a_401_the_renewal_adopts_a_token_refreshed_elsewhere()
    {
        using var kit = new AuthTestKit();
        string original = kit.Endpoint.IssueRefreshToken();
        var processA = await kit.StartFromRefreshTokenAsync(original);
        var processB = await kit.StartFromRefreshTokenAsync(original);
        string rejected = await processB.GetAccessTokenAsync(kit.Observer, default);

        Assert.True(await processA.RenewAfterRejectionAsync(rejected, kit.Observer, default));
        Assert.Equal(2, kit.Endpoint.RefreshCount);
        Assert.True(await processB.RenewAfterRejectionAsync(rejected, kit.Observer, default));
        Assert.Equal(2, kit.Endpoint.RefreshCount);
        Assert.Equal(await processA.GetAccessTokenAsync(kit.Observer, default), await processB.GetAccessTokenAsync(kit.Observer, default));
    }

    [Fact]
    public async Task Eight_concurrent_holders_of_an_expired_token_cause_exactly_one_refresh()
    {
        using var kit = new AuthTestKit();
        kit.Endpoint.Latency = TimeSpan.FromMilliseconds(50);
        string original = kit.Endpoint.IssueRefreshToken();
        var managers = new List<TokenManager>();
        for (int i = 0; i < 8; i++)
        {
            managers.Add(await kit.StartFromRefreshTokenAsync(original));
        }

        kit.Time.Advance(TimeSpan.FromHours(2));
        var tokens = await Task.WhenAll(managers.Select(m => Task.Run(() => m.GetAccessTokenAsync(kit.Observer, default))));
        Assert.Equal(2, kit.Endpoint.RefreshCount); // the bootstrap + one refresh
        Assert.Single(tokens.Distinct());
    }

    [Fact]
    public async Task Starting_again_from_the_original_refresh_token_uses_its_rotated_successor()
    {
        using var kit = new AuthTestKit();
        string original = kit.Endpoint.IssueRefreshToken();

        // Run 1 spends the original; runs 2 and 3 start from the same (now dead) token.
        var run1 = await kit.StartFromRefreshTokenAsync(original);
        string token1 = await run1.GetAccessTokenAsync(kit.Observer, default);
        var run2 = await kit.StartFromRefreshTokenAsync(original);
        Assert.Equal(token1, await run2.GetAccessTokenAsync(kit.Observer, default));
        Assert.Equal(1, kit.Endpoint.RefreshCount);

        kit.Time.Advance(TimeSpan.FromHours(2));
        string token2 = await run2.GetAccessTokenAsync(kit.Observer, default);
        Assert.Equal(2, kit.Endpoint.RefreshCount);

        var run3 = await kit.StartFromRefreshTokenAsync(original);
        Assert.Equal(token2, await run3.GetAccessTokenAsync(kit.Observer, default));
        Assert.Equal(2, kit.Endpoint.RefreshCount);

        // The lineage holds hashes, never a token in clear.
        var document = kit.NewPlaintextCache().Read(kit.Observer);
        var entry = Assert.Single(document.Grants);
        Assert.Equal(TokenEntry.Hash(original), entry.Lineage[0]);
        Assert.DoesNotContain(original, File.ReadAllText(Path.Combine(kit.CacheFolder, TokenCacheFactory.PlaintextFileName)));
    }

    [Fact]
    public async Task A_different_refresh_token_is_a_different_grant()
    {
        using var kit = new AuthTestKit();
        await kit.StartFromRefreshTokenAsync(kit.Endpoint.IssueRefreshToken());
        await kit.StartFromRefreshTokenAsync(kit.Endpoint.IssueRefreshToken());
        Assert.Equal(2, kit.Endpoint.RefreshCount);
        Assert.Equal(2, kit.NewPlaintextCache().Read(kit.Observer).Grants.Count);
    }

    [Fact]
    public async Task An_invalid_grant_is_one_clear_error_with_no_retry_and_the_dead_grant_is_dropped()
    {
        using var kit = new AuthTestKit();
        var manager = await kit.StartFromRefreshTokenAsync(kit.Endpoint.IssueRefreshToken());
        kit.Endpoint.RevokeAll();
        kit.Time.Advance(TimeSpan.FromHours(2));

        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => manager.GetAccessTokenAsync(kit.Observer, default));
        Assert.Equal("invalidGrant", error.ErrorId);
        Assert.Equal(FailureKind.Authentication, error.Kind);
        Assert.Contains("Connect-PinterestAds", error.Message);
        Assert.Contains("283", error.Message);
        Assert.Equal(2, kit.Endpoint.RefreshCount);

        // No loop, no second spend: the next call fails at once, without the network.
        var again = await Assert.ThrowsAsync<PinterestAdsException>(() => manager.GetAccessTokenAsync(kit.Observer, default));
        Assert.Contains("Connect-PinterestAds", again.Message);
        Assert.Equal(2, kit.Endpoint.RefreshCount);
        Assert.Empty(kit.NewPlaintextCache().Read(kit.Observer).Grants);
    }

    [Fact]
    public async Task An_unknown_refresh_token_at_connect_is_the_invalid_grant_error()
    {
        using var kit = new AuthTestKit();
        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => kit.StartFromRefreshTokenAsync("rt-never-issued-0000"));
        Assert.Equal("invalidGrant", error.ErrorId);
        Assert.Equal(1, kit.Endpoint.RefreshCount);
    }

    [Fact]
    public async Task The_token_call_takes_a_limiter_permit_and_traces_no_secret()
    {
        using var kit = new AuthTestKit();
        string original = kit.Endpoint.IssueRefreshToken();
        var manager = await kit.StartFromRefreshTokenAsync(original);
        Assert.Equal(1, kit.Limiter.Permits);

        string access = await manager.GetAccessTokenAsync(kit.Observer, default);
        string rotated = manager.Current.RefreshToken!;
        string text = kit.Observer.AllText;
        Assert.Contains("oauth/token", text);
        foreach (var secret in new[] { original, access, rotated, FakeTokenEndpoint.ClientSecret })
        {
            Assert.DoesNotContain(secret, text);
        }
    }

    [Fact]
    public async Task Forgetting_removes_the_grant_from_the_cache_and_refuses_later_calls()
    {
        using var kit = new AuthTestKit();
        string original = kit.Endpoint.IssueRefreshToken();
        var manager = await kit.StartFromRefreshTokenAsync(original);
        await manager.ForgetAsync(kit.Observer, default);

        Assert.Empty(kit.NewPlaintextCache().Read(kit.Observer).Grants);
        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => manager.GetAccessTokenAsync(kit.Observer, default));
        Assert.Equal(FailureKind.NotConnected, error.Kind);
    }

    [Fact]
    public async Task The_code_exchange_stores_a_new_grant()
    {
        using var kit = new AuthTestKit();
        var manager = await TokenManager.FromAuthorizationCodeAsync(
            kit.NewPlaintextCache(), kit.NewOAuth(), FakeTokenEndpoint.ClientId, kit.ApiBase, "good-code-1234", new Uri("http://localhost:8085/"), kit.Policy, kit.Time, kit.Observer, default);
        Assert.True(manager.CanRefresh);
        Assert.Equal(1, kit.Endpoint.CodeExchangeCount);
        Assert.Contains("redirect_uri=http%3A%2F%2Flocalhost%3A8085%2F", kit.Endpoint.RequestBodies.Single());
        Assert.Single(kit.NewPlaintextCache().Read(kit.Observer).Grants);
    }

    [Fact]
    public async Task A_used_or_wrong_code_is_the_invalid_grant_error()
    {
        using var kit = new AuthTestKit();
        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => TokenManager.FromAuthorizationCodeAsync(
            kit.NewPlaintextCache(), kit.NewOAuth(), FakeTokenEndpoint.ClientId, kit.ApiBase, "wrong-code-5678", new Uri("http://localhost:8085/"), kit.Policy, kit.Time, kit.Observer, default));
        Assert.Equal("invalidGrant", error.ErrorId);
        Assert.Contains("authorization code", error.Message);
    }
}

public sealed class RejectionTests
{
    [Fact]
    public async Task A_401_whose_refresh_is_refused_gives_up_once_so_the_caller_reports_the_401()
    {
        using var kit = new AuthTestKit();
        var manager = await kit.StartFromRefreshTokenAsync(kit.Endpoint.IssueRefreshToken());
        string rejected = await manager.GetAccessTokenAsync(kit.Observer, default);
        kit.Endpoint.RevokeAll();

        Assert.False(await manager.RenewAfterRejectionAsync(rejected, kit.Observer, default));
        Assert.Equal(2, kit.Endpoint.RefreshCount);
        Assert.Contains("Connect-PinterestAds", kit.Observer.AllText);

        // A second rejection costs no token request: the grant is gone from the cache.
        Assert.False(await manager.RenewAfterRejectionAsync(rejected, kit.Observer, default));
        Assert.Equal(2, kit.Endpoint.RefreshCount);
    }
}
