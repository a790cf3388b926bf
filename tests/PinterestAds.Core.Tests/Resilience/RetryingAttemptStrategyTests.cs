using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;
using PinterestAds.Core.Idempotency;
using PinterestAds.Core.Limiting;
using Xunit;

namespace PinterestAds.Core.Tests.Resilience;

public sealed class RetryingAttemptStrategyTests
{
    private readonly AutoAdvancingTime _time = new();
    private readonly FakeApi _api = new();
    private readonly CountingLimiter _limiter = new();
    private readonly RecordingObserver _observer = new();

    public RetryingAttemptStrategyTests() => _api.Time = _time;

    private RequestPipeline Pipeline(int maxAttempts = 4, TimeSpan? maxWait = null, TimeSpan? maxTotal = null) =>
        TestPipelines.Build(_api, _limiter, TestPipelines.Retrying(_time, maxAttempts, maxWait, maxTotal), time: _time);

    private static ApiRequest Read() => ApiRequest.Get("ad_accounts/549755885175", "get_ad_account").ForAdAccount("549755885175");

    private List<TimeSpan> Gaps()
    {
        var at = _api.Requests.Select(r => r.At).ToList();
        return at.Zip(at.Skip(1), (a, b) => b - a).ToList();
    }

    [Fact]
    public async Task A_429_with_retry_after_waits_that_long_then_succeeds_with_a_permit_per_attempt()
    {
        _api.Then(Reply.RateLimited(("Retry-After", "2")), Reply.RateLimited(("Retry-After", "2")));

        var response = await Pipeline().SendAsync(Read(), _observer, default);

        Assert.True(response.IsSuccess);
        Assert.Equal(3, _api.Requests.Count);
        Assert.Equal(3, _limiter.Permits);
        Assert.All(Gaps(), gap => Assert.InRange(gap.TotalSeconds, 2.0, 2.2));
        Assert.Contains(_observer.Verboses, m => m.Contains("429") && m.Contains("Retry-After: 2") && m.Contains("attempt 2 of 4"));
    }

    [Fact]
    public async Task A_429_with_x_ratelimit_reset_waits_until_the_reset()
    {
        _api.Then(Reply.RateLimited(("X-RateLimit-Reset", "3")), Reply.RateLimited(("X-RateLimit-Reset", (_time.GetUtcNow().ToUnixTimeSeconds() + 10).ToString())));

        await Pipeline().SendAsync(Read(), _observer, default);

        var gaps = Gaps();
        Assert.Equal(2, gaps.Count);
        Assert.InRange(gaps[0].TotalSeconds, 3.0, 3.3);
        Assert.InRange(gaps[1].TotalSeconds, 7.0, 8.0); // epoch form: reset 10 s after the start, 3 s of which have passed
    }

    [Fact]
    public async Task A_429_with_both_headers_honours_the_longer_wait()
    {
        _api.Then(Reply.RateLimited(("Retry-After", "1"), ("X-RateLimit-Reset", "4")));

        await Pipeline().SendAsync(Read(), _observer, default);

        Assert.InRange(Gaps().Single().TotalSeconds, 4.0, 4.4);
    }

    [Fact]
    public async Task A_429_asking_for_hours_is_an_immediate_quota_error_with_the_reset_time()
    {
        _api.Then(Reply.RateLimited(("X-RateLimit-Reset", "67000")));
        var start = _time.GetUtcNow();

        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => Pipeline().SendAsync(Read(), _observer, default));

        Assert.Equal(FailureKind.LimitsExceeded, error.Kind);
        Assert.StartsWith("Pinterest Ads get_ad_account: 429 — This request exceeded a rate limit", error.Message);
        Assert.Contains("X-RateLimit-Reset: 67000", error.Message);
        Assert.Equal(start.AddSeconds(67000), error.RetryAt);
        Assert.Single(_api.Requests);
        Assert.Empty(_time.Waits);
        Assert.Equal(start, _time.GetUtcNow());
    }

    [Fact]
    public async Task A_retry_after_date_beyond_the_maximum_wait_is_an_immediate_quota_error()
    {
        _api.Then(Reply.RateLimited(("Retry-After", _time.GetUtcNow().AddHours(2).ToString("r"))));

        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => Pipeline(maxWait: TimeSpan.FromSeconds(30)).SendAsync(Read(), _observer, default));

        Assert.Equal(FailureKind.LimitsExceeded, error.Kind);
        Assert.Equal(_time.GetUtcNow().AddHours(2), error.RetryAt);
        Assert.Single(_api.Requests);
    }

    [Fact]
    public async Task A_429_without_headers_backs_off_exponentially_and_gives_up_after_max_attempts()
    {
        _api.Then(Enumerable.Repeat(Reply.RateLimited(), 10).ToArray());

        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => Pipeline().SendAsync(Read(), _observer, default));

        Assert.Equal(4, _api.Requests.Count);
        Assert.Equal(4, _limiter.Permits);
        Assert.Equal(FailureKind.LimitsExceeded, error.Kind);
        Assert.StartsWith("Pinterest Ads get_ad_account: 429 — ", error.Message);
        Assert.Contains("after 4 attempts", error.Message);
        Assert.NotNull(error.RetryAt);
        // Random = 0.5 → each wait is 75 % of 1 s, 2 s, 4 s.
        Assert.Equal(new[] { 0.75, 1.5, 3.0 }, Gaps().Select(g => Math.Round(g.TotalSeconds, 2)));
    }

    [Fact]
    public async Task Total_time_is_bounded()
    {
        _api.Then(Enumerable.Repeat(Reply.RateLimited(("Retry-After", "20")), 10).ToArray());

        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => Pipeline(maxTotal: TimeSpan.FromSeconds(30)).SendAsync(Read(), _observer, default));

        Assert.Equal(2, _api.Requests.Count);
        Assert.Contains("time limit", error.Message);
    }

    [Fact]
    public async Task Reads_are_retried_on_5xx_timeouts_and_dropped_connections()
    {
        _api.Then(Reply.Code(503), Reply.TimeOut, Reply.DropAfterCommit);

        var response = await Pipeline().SendAsync(Read(), _observer, default);

        Assert.True(response.IsSuccess);
        Assert.Equal(4, _api.Requests.Count);
        Assert.Equal(3, _observer.Verboses.Count(m => m.Contains("attempt")));
    }

    [Fact]
    public async Task A_read_that_keeps_failing_ends_in_a_mapped_error()
    {
        _api.Then(Enumerable.Repeat(Reply.DropAfterCommit, 10).ToArray());

        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => Pipeline(maxAttempts: 3).SendAsync(Read(), _observer, default));

        Assert.Equal("connectionFailed", error.ErrorId);
        Assert.Equal(FailureKind.Connection, error.Kind);
        Assert.Equal(3, _api.Requests.Count);
    }

    [Fact]
    public async Task A_limiter_quota_error_is_not_retried()
    {
        var pipeline = TestPipelines.Build(_api, new RefusingLimiter(), TestPipelines.Retrying(_time), time: _time);

        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => pipeline.SendAsync(Read(), _observer, default));

        Assert.Equal(LimiterErrors.ExhaustedId, error.ErrorId);
        Assert.Empty(_api.Requests);
    }

    [Fact]
    public async Task Writes_are_retried_on_429_and_refused_connections_with_one_key_on_every_attempt()
    {
        _api.Then(Reply.RateLimited(("Retry-After", "1")), Reply.Refused, Reply.RateLimited(("Retry-After", "1")));

        await Pipeline().SendAsync(TestPipelines.CreateCampaign(), _observer, default);

        var posts = _api.Posts;
        Assert.Equal(3, posts.Count); // the refused attempt never arrived
        Assert.Equal(4, _limiter.Permits);
        Assert.Single(posts.Select(p => p.IdempotencyKey).Distinct());
        Assert.True(Guid.TryParse(posts[0].IdempotencyKey, out _));
        Assert.Single(_api.Campaigns);
    }

    [Fact]
    public async Task Separate_logical_writes_get_separate_keys()
    {
        var pipeline = Pipeline();
        await pipeline.SendAsync(TestPipelines.CreateCampaign("A"), _observer, default);
        await pipeline.SendAsync(TestPipelines.CreateCampaign("B"), _observer, default);

        Assert.Equal(2, _api.Posts.Select(p => p.IdempotencyKey).Distinct().Count());
    }

    [Fact]
    public async Task A_repeatable_patch_is_resent_with_the_same_key_after_a_5xx_or_a_drop()
    {
        _api.Then(Reply.Code(502), Reply.DropAfterCommit);
        var patch = ApiRequest.Patch("ad_accounts/549755885175/campaigns", "update_campaigns")
            .WithJsonBody(new[] { new { id = "1", status = "PAUSED" } })
            .ForAdAccount("549755885175");

        var response = await Pipeline().SendAsync(patch, WriteOptions.Repeatable, _observer, default);

        Assert.True(response.IsSuccess);
        Assert.Equal(3, _api.Requests.Count);
        Assert.Single(_api.Requests.Select(r => r.IdempotencyKey).Distinct());
    }

    [Fact]
    public async Task Cancellation_during_a_wait_stops_the_call()
    {
        var time = new FakeTimeWithoutAdvance();
        var api = new FakeApi().Then(Reply.RateLimited(("Retry-After", "5")));
        var pipeline = TestPipelines.Build(api, _limiter, TestPipelines.Retrying(time), time: time);
        using var cts = new CancellationTokenSource();

        var call = pipeline.SendAsync(Read(), _observer, cts.Token);
        await Task.Delay(100);
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(api.Requests);
    }

    private sealed class FakeTimeWithoutAdvance : Microsoft.Extensions.Time.Testing.FakeTimeProvider
    {
    }

    private sealed class RefusingLimiter : IRequestLimiter
    {
        public Task AcquireAsync(LimiterBucket bucket, string attemptId, ICallObserver observer, CancellationToken cancellationToken) =>
            throw LimiterErrors.Exhausted(bucket, 10, TimeSpan.FromHours(1), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(30), DateTimeOffset.UtcNow);
    }
}
