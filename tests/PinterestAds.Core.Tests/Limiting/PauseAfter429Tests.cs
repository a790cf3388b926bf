using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;
using PinterestAds.Core.Limiting;
using PinterestAds.Core.Tests.Resilience;
using PinterestAds.Testing;
using StackExchange.Redis;
using Xunit;

namespace PinterestAds.Core.Tests.Limiting;

/// <summary>
/// A 429's Retry-After / X-RateLimit-Reset pauses the bucket in the shared store, so every worker
/// stops sending until Pinterest's reset: the local file limiter (virtual time) and Redis (its clock).
/// </summary>
[Collection(RedisTimingCollection.Name)]
public sealed class PauseAfter429Tests : IDisposable
{
    private static readonly LimiterBucket Bucket = new("1234", "549755885175");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pinads-pause-" + Guid.NewGuid().ToString("N"));
    private readonly Lazy<RedisServer> _redis = new(() => new RedisServer());

    public void Dispose()
    {
        if (_redis.IsValueCreated)
        {
            _redis.Value.Dispose();
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static Dictionary<string, string> Headers(string name, string value) => new(StringComparer.OrdinalIgnoreCase) { [name] = value };

    private LocalRequestLimiter Local(TimeProvider time, double maxWaitSeconds = 30) =>
        new(new BudgetOptions { RequestsPerWindow = 5, Window = TimeSpan.FromSeconds(10), MaxWait = TimeSpan.FromSeconds(maxWaitSeconds), StateDirectory = _folder, TimeProvider = time });

    private RedisRequestLimiter Redis(double maxWaitSeconds = 0) =>
        new(new BudgetOptions { RequestsPerWindow = 5, Window = TimeSpan.FromSeconds(10), MaxWait = TimeSpan.FromSeconds(maxWaitSeconds), RedisConfiguration = _redis.Value.Configuration });

    [Fact]
    public async Task Local_a_pause_makes_the_next_permit_wait_until_the_reset_and_says_so()
    {
        var time = new AutoAdvancingTime();
        var start = time.GetUtcNow();
        var until = await Local(time).PauseAfterRateLimitAsync(Bucket, Headers("Retry-After", "5"), SilentObserver.Instance, default);
        Assert.Equal(start.AddSeconds(5), until);
        Assert.Equal(until, (await Local(time).InspectAsync(Bucket, default)).PausedUntil);

        var observer = new RecordingObserver();
        var decision = await Local(time).AcquirePermitAsync(Bucket, "b1", observer, default);

        Assert.True(decision.Allowed);
        Assert.InRange((time.GetUtcNow() - start).TotalSeconds, 5.0, 5.1);
        Assert.Contains(observer.Verboses, m => m.Contains("paused until") && m.Contains("429"));
        Assert.Null((await Local(time).InspectAsync(Bucket, default)).PausedUntil);
    }

    [Fact]
    public async Task Local_a_pause_beyond_the_maximum_wait_is_a_quota_error_at_the_reset_and_charges_nothing()
    {
        var time = new AutoAdvancingTime();
        var start = time.GetUtcNow();
        await Local(time).PauseAfterRateLimitAsync(Bucket, Headers("X-RateLimit-Reset", "67000"), SilentObserver.Instance, default);

        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => Local(time, maxWaitSeconds: 30).AcquirePermitAsync(Bucket, "b1", SilentObserver.Instance, default));

        Assert.Equal(LimiterErrors.PausedId, error.ErrorId);
        Assert.Equal(FailureKind.LimitsExceeded, error.Kind);
        Assert.Equal(start.AddSeconds(67000), error.RetryAt);
        Assert.Equal(start, time.GetUtcNow());
        var status = await Local(time).InspectAsync(Bucket, default);
        Assert.Equal(0, status.Used);
        Assert.Equal(start.AddSeconds(67000), status.PausedUntil);
        Assert.Equal(start.AddSeconds(67000), status.NextPermitAt);
    }

    [Fact]
    public async Task Local_a_shorter_later_pause_never_shortens_a_longer_one_and_expiry_frees_the_bucket()
    {
        var time = new AutoAdvancingTime();
        var start = time.GetUtcNow();
        var limiter = Local(time, maxWaitSeconds: 0);
        await limiter.PauseAfterRateLimitAsync(Bucket, Headers("Retry-After", "60"), SilentObserver.Instance, default);
        var second = await limiter.PauseAfterRateLimitAsync(Bucket, Headers("Retry-After", "5"), SilentObserver.Instance, default);

        Assert.Equal(start.AddSeconds(60), second);
        time.Advance(TimeSpan.FromSeconds(30));
        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => limiter.AcquirePermitAsync(Bucket, "b1", SilentObserver.Instance, default));
        Assert.Equal(start.AddSeconds(60), error.RetryAt);
        Assert.Null(await limiter.PauseAfterRateLimitAsync(Bucket, Headers("Retry-After", "0"), SilentObserver.Instance, default));

        time.Advance(TimeSpan.FromSeconds(30));
        Assert.True((await limiter.AcquirePermitAsync(Bucket, "b2", SilentObserver.Instance, default)).Allowed);
        Assert.Null((await limiter.InspectAsync(Bucket, default)).PausedUntil);
    }

    [Fact]
    public async Task Redis_a_pause_is_a_hash_tagged_key_that_refuses_permits_until_it_expires()
    {
        var limiter = Redis(maxWaitSeconds: 0);
        var until = await limiter.PauseAfterRateLimitAsync(Bucket, Headers("Retry-After", "1.5"), SilentObserver.Instance, default);
        var db = (await PinterestAds.Core.Coordination.RedisConnections.GetAsync(_redis.Value.Configuration)).GetDatabase();
        string key = RedisRequestLimiter.BlockedKeyFor(Bucket);

        Assert.Equal("pinterestads:rl:{1234:549755885175}:blocked", key);
        Assert.InRange((await db.KeyTimeToLiveAsync(key))!.Value.TotalMilliseconds, 1000, 1500);
        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => limiter.AcquirePermitAsync(Bucket, "b1", SilentObserver.Instance, default));
        Assert.Equal(LimiterErrors.PausedId, error.ErrorId);
        Assert.InRange((error.RetryAt!.Value - until!.Value).TotalMilliseconds, -200, 200);
        var status = await limiter.InspectAsync(Bucket, default);
        Assert.Equal(0, status.Used);
        Assert.NotNull(status.PausedUntil);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var decision = await Redis(maxWaitSeconds: 5).AcquirePermitAsync(Bucket, "b2", SilentObserver.Instance, default);

        Assert.True(decision.Allowed);
        Assert.InRange(clock.Elapsed.TotalSeconds, 1.0, 3);
        Assert.False(await db.KeyExistsAsync(key));
        Assert.Null((await limiter.InspectAsync(Bucket, default)).PausedUntil);
    }

    [Fact]
    public async Task Redis_a_shorter_later_pause_never_shortens_a_longer_one()
    {
        var limiter = Redis();
        var first = await limiter.PauseAfterRateLimitAsync(Bucket, Headers("Retry-After", "60"), SilentObserver.Instance, default);
        var db = (await PinterestAds.Core.Coordination.RedisConnections.GetAsync(_redis.Value.Configuration)).GetDatabase();
        string stored = (await db.StringGetAsync(RedisRequestLimiter.BlockedKeyFor(Bucket)))!;

        var second = await limiter.PauseAfterRateLimitAsync(Bucket, Headers("Retry-After", "1"), SilentObserver.Instance, default);

        Assert.InRange((second!.Value - first!.Value).TotalMilliseconds, -200, 200);
        Assert.Equal(stored, (string)(await db.StringGetAsync(RedisRequestLimiter.BlockedKeyFor(Bucket)))!);
        Assert.InRange((await db.KeyTimeToLiveAsync(RedisRequestLimiter.BlockedKeyFor(Bucket)))!.Value.TotalSeconds, 55, 60);
        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => limiter.AcquirePermitAsync(Bucket, "b1", SilentObserver.Instance, default));
        Assert.InRange((error.RetryAt!.Value - DateTimeOffset.UtcNow).TotalSeconds, 55, 60.5);
    }

    [Fact]
    public async Task Two_workers_on_one_Redis_budget_the_second_sends_nothing_until_the_first_ones_429_resets()
    {
        using var server = PinTestServer.StartNew();
        string account = server.DefaultAdAccountId;
        var endpoint = ApiEndpoint.Parse(server.BaseUri.ToString(), "ApiBaseUri");
        RequestPipeline Worker(double maxWaitSeconds) => new(
            new ApiTransport(endpoint, server.ClientId, new HttpClient(), Redis(maxWaitSeconds)),
            new FixedToken(server.IssueAccessToken()),
            TestPipelines.Retrying(TimeProvider.System, maxAttempts: 1),
            null,
            TimeProvider.System);
        ApiRequest Get() => ApiRequest.Get($"ad_accounts/{account}", "get_ad_account").ForAdAccount(account);
        server.Faults.InjectStatus("GET", "/ad_accounts/*", 429, times: 1, headers: new Dictionary<string, string> { ["Retry-After"] = "2" });

        var rejected = await Assert.ThrowsAsync<PinterestAdsException>(() => Worker(5).SendAsync(Get(), SilentObserver.Instance, default));
        Assert.Equal(429, rejected.HttpStatus);
        var impatient = await Assert.ThrowsAsync<PinterestAdsException>(() => Worker(0.5).SendAsync(Get(), SilentObserver.Instance, default));
        Assert.Equal(LimiterErrors.PausedId, impatient.ErrorId);
        Assert.Single(server.RequestsTo("GET", $"/ad_accounts/{account}"));

        var observer = new RecordingObserver();
        var response = await Worker(5).SendAsync(Get(), observer, default);

        Assert.True(response.IsSuccess);
        var gets = server.RequestsTo("GET", $"/ad_accounts/{account}");
        Assert.Equal(2, gets.Count);
        Assert.Equal(429, gets[0].ResponseStatus);
        Assert.InRange((gets[1].Timestamp - gets[0].Timestamp).TotalSeconds, 1.95, 4);
        Assert.Contains(observer.Verboses, m => m.Contains("paused until"));
    }
}
