using System.Diagnostics;
using PinterestAds.Core.Coordination;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;
using PinterestAds.Core.Limiting;
using PinterestAds.Core.Session;
using PinterestAds.Core.Tests.Resilience;
using StackExchange.Redis;
using Xunit;

namespace PinterestAds.Core.Tests.Limiting;

[Collection(RedisTimingCollection.Name)]
public sealed class RedisRequestLimiterTests : IDisposable
{
    private readonly RedisServer _redis = new();
    private readonly LimiterBucket _bucket = new("client-" + Guid.NewGuid().ToString("N")[..8], "549755885175");

    public void Dispose() => _redis.Dispose();

    private RedisRequestLimiter Limiter(int budget = 20, double windowSeconds = 10, double maxWaitSeconds = 0, TimeProvider? time = null) =>
        new(new BudgetOptions
        {
            RequestsPerWindow = budget,
            Window = TimeSpan.FromSeconds(windowSeconds),
            MaxWait = TimeSpan.FromSeconds(maxWaitSeconds),
            RedisConfiguration = _redis.Configuration,
            TimeProvider = time ?? TimeProvider.System,
        });

    private async Task<IDatabase> Database() => (await RedisConnections.GetAsync(_redis.Configuration)).GetDatabase();

    [Fact]
    public async Task Concurrent_callers_get_exactly_the_budget()
    {
        var limiter = Limiter(budget: 20);
        var results = await Task.WhenAll(Enumerable.Range(0, 60).Select(async i =>
        {
            try
            {
                await limiter.AcquirePermitAsync(_bucket, "attempt-" + i, SilentObserver.Instance, default);
                return true;
            }
            catch (PinterestAdsException ex) when (ex.ErrorId == LimiterErrors.ExhaustedId)
            {
                return false;
            }
        }));

        Assert.Equal(20, results.Count(r => r));
        var status = await limiter.InspectAsync(_bucket, default);
        Assert.Equal(20, status.Used);
        Assert.Equal(0, status.Remaining);
        Assert.InRange((status.NextPermitAt - status.AsOf).TotalSeconds, 8, 10.1);
    }

    [Fact]
    public async Task The_log_is_one_hash_tagged_sorted_set_that_expires_with_the_window()
    {
        var limiter = Limiter(windowSeconds: 10);
        await limiter.AcquirePermitAsync(_bucket, "attempt-1", SilentObserver.Instance, default);

        string key = RedisRequestLimiter.KeyFor(_bucket);
        Assert.Equal($"pinterestads:rl:{{{_bucket.ClientId}:549755885175}}", key);
        var db = await Database();
        Assert.Equal(RedisType.SortedSet, await db.KeyTypeAsync(key));
        Assert.InRange((await db.KeyTimeToLiveAsync(key))!.Value.TotalSeconds, 8, 10);
        Assert.NotNull(await db.SortedSetScoreAsync(key, "attempt-1"));
    }

    [Fact]
    public async Task Repeating_a_redis_call_for_one_attempt_never_charges_twice()
    {
        var limiter = Limiter(budget: 5);
        var first = await limiter.AcquirePermitAsync(_bucket, "same-attempt", SilentObserver.Instance, default);
        var again = await limiter.AcquirePermitAsync(_bucket, "same-attempt", SilentObserver.Instance, default);

        Assert.True(again.Allowed);
        Assert.Equal(first.StoreTimeMicroseconds, again.StoreTimeMicroseconds);
        Assert.Equal(1, (await limiter.InspectAsync(_bucket, default)).Used);
    }

    [Fact]
    public async Task Inspecting_spends_nothing()
    {
        var limiter = Limiter(budget: 5);
        await limiter.AcquirePermitAsync(_bucket, "a", SilentObserver.Instance, default);
        for (int i = 0; i < 3; i++)
        {
            await limiter.InspectAsync(_bucket, default);
        }

        var status = await limiter.InspectAsync(_bucket, default);
        Assert.Equal(1, status.Used);
        Assert.Equal(4, status.Remaining);
        Assert.Equal("Redis " + _redis.Configuration, status.Store);
    }

    [Fact]
    public async Task Redis_time_decides_so_skewed_client_clocks_change_nothing()
    {
        var fast = Limiter(budget: 10, time: new SkewedTime(TimeSpan.FromMinutes(7)));
        var slow = Limiter(budget: 10, time: new SkewedTime(TimeSpan.FromMinutes(-7)));
        var stamps = new List<long>();
        for (int i = 0; i < 10; i++)
        {
            var limiter = i % 2 == 0 ? fast : slow;
            stamps.Add((await limiter.AcquirePermitAsync(_bucket, "a" + i, SilentObserver.Instance, default)).StoreTimeMicroseconds);
        }

        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000L;
        Assert.All(stamps, s => Assert.InRange(s, now - 5_000_000, now + 1_000_000)); // Redis's clock, not ±7 min
        var deniedFast = await Assert.ThrowsAsync<PinterestAdsException>(() => fast.AcquirePermitAsync(_bucket, "x", SilentObserver.Instance, default));
        var deniedSlow = await Assert.ThrowsAsync<PinterestAdsException>(() => slow.AcquirePermitAsync(_bucket, "y", SilentObserver.Instance, default));
        Assert.Equal(LimiterErrors.ExhaustedId, deniedFast.ErrorId);
        Assert.Equal(LimiterErrors.ExhaustedId, deniedSlow.ErrorId);
    }

    [Fact]
    public async Task A_redis_clock_that_steps_back_never_reopens_the_window()
    {
        var limiter = Limiter(budget: 5);
        var db = await Database();
        long future = DateTimeOffset.UtcNow.AddSeconds(5).ToUnixTimeMilliseconds() * 1000L;
        await db.SortedSetAddAsync(RedisRequestLimiter.KeyFor(_bucket), "from-a-faster-primary", future);

        var decision = await limiter.AcquirePermitAsync(_bucket, "a", SilentObserver.Instance, default);

        Assert.Equal(future + 1, decision.StoreTimeMicroseconds);
        Assert.Equal(2, decision.Used);
    }

    [Fact]
    public async Task Waiters_get_the_next_permit_when_it_frees()
    {
        var limiter = Limiter(budget: 2, windowSeconds: 1, maxWaitSeconds: 3);
        var observer = new RecordingObserver();
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < 4; i++)
        {
            await limiter.AcquirePermitAsync(_bucket, "a" + i, observer, default);
        }

        Assert.InRange(clock.Elapsed.TotalSeconds, 0.95, 2.5);
        Assert.Contains(observer.Verboses, m => m.Contains("waiting"));
    }

    [Fact]
    public async Task Unreachable_redis_fails_closed_promptly_and_names_redis()
    {
        _redis.Kill();
        var limiter = Limiter();
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => limiter.AcquirePermitAsync(_bucket, "a", SilentObserver.Instance, default));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"took {clock.Elapsed}");
        Assert.Equal(LimiterErrors.UnavailableId, error.ErrorId);
        Assert.Equal(FailureKind.LimitsExceeded, error.Kind);
        Assert.Contains("Redis at " + _redis.Configuration, error.Message);
        Assert.Contains("Nothing was sent", error.Message);
    }

    [Fact]
    public async Task A_hung_redis_that_accepts_but_never_answers_also_fails_closed_within_the_deadline()
    {
        var limiter = Limiter(budget: 1000);
        await limiter.AcquirePermitAsync(_bucket, "before", SilentObserver.Instance, default);
        _redis.Freeze();
        try
        {
            var clock = Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<PinterestAdsException>(() => limiter.AcquirePermitAsync(_bucket, "during", SilentObserver.Instance, default));

            Assert.Equal(LimiterErrors.UnavailableId, error.ErrorId);
            Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 1.5);
        }
        finally
        {
            _redis.Thaw();
        }

        await limiter.AcquirePermitAsync(_bucket, "after", SilentObserver.Instance, default);
    }

    [Fact]
    public async Task A_flushed_log_is_counted_as_full_then_frees_at_the_steady_rate()
    {
        var limiter = Limiter(budget: 10, windowSeconds: 4);
        await limiter.AcquirePermitAsync(_bucket, "before", SilentObserver.Instance, default);
        _redis.FlushAll();
        await Task.Delay(TimeSpan.FromSeconds(1.1)); // the marker is looked at once a second
        var observer = new RecordingObserver();

        var refused = await Assert.ThrowsAsync<PinterestAdsException>(() => limiter.AcquirePermitAsync(_bucket, "after", observer, default));
        var status = await limiter.InspectAsync(_bucket, default);
        await Task.Delay(TimeSpan.FromSeconds(2));
        int admitted = 0;
        while (admitted < 10)
        {
            try
            {
                await limiter.AcquirePermitAsync(_bucket, "later-" + admitted, SilentObserver.Instance, default);
                admitted++;
            }
            catch (PinterestAdsException)
            {
                break;
            }
        }

        Assert.Equal(LimiterErrors.ExhaustedId, refused.ErrorId);
        Assert.Equal(0, status.Remaining);
        Assert.Single(observer.Warnings, w => w.Contains("lost the module's data") && w.Contains("noeviction"));
        Assert.InRange(admitted, 1, 9);
    }

    [Fact]
    public async Task Redis_killed_mid_run_sends_nothing_fails_promptly_and_recovers_after_restart()
    {
        var api = new FakeApi();
        // A restart without persistence forgets the log: the budget is then counted as full and
        // frees at its steady rate (here a permit per 10 ms), so the first call after it may wait.
        var limiter = Limiter(budget: 1000, maxWaitSeconds: 1);
        var pipeline = TestPipelines.Build(api, limiter, TestPipelines.Retrying(TimeProvider.System));
        var read = ApiRequest.Get("ad_accounts/549755885175", "get_ad_account").ForAdAccount("549755885175");
        for (int i = 0; i < 5; i++)
        {
            await pipeline.SendAsync(read, SilentObserver.Instance, default);
        }

        _redis.Kill();
        int sentBefore = api.Requests.Count;
        var latencies = new List<TimeSpan>();
        for (int i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<PinterestAdsException>(() => pipeline.SendAsync(read, SilentObserver.Instance, default));
            latencies.Add(clock.Elapsed);
            Assert.Equal(LimiterErrors.UnavailableId, error.ErrorId);
            Assert.Contains("Redis", error.Message);
        }

        Assert.Equal(sentBefore, api.Requests.Count);
        Assert.All(latencies, l => Assert.True(l < TimeSpan.FromSeconds(1.5), $"took {l}"));

        _redis.Start();
        var recovery = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await pipeline.SendAsync(read, SilentObserver.Instance, default);
                break;
            }
            catch (PinterestAdsException ex) when (ex.ErrorId == LimiterErrors.UnavailableId && recovery.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(100);
            }
        }

        Assert.True(recovery.Elapsed < TimeSpan.FromSeconds(6), $"recovered after {recovery.Elapsed}");
        Assert.Equal(sentBefore + 1, api.Requests.Count);
    }

    [Fact]
    public void A_malformed_configuration_is_rejected_before_anything_is_sent()
    {
        var error = Assert.Throws<PinterestAdsException>(() => SessionWiring.CreateLimiter(new BudgetOptions { RedisConfiguration = "localhost:6379,password=hunter2,frobnicate=yes" }));

        Assert.Equal(FailureKind.InvalidArgument, error.Kind);
        Assert.DoesNotContain("hunter2", error.Message);
    }

    private sealed class SkewedTime(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }
}
