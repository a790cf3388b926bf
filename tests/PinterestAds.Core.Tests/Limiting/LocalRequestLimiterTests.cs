using System.Collections.Concurrent;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Limiting;
using PinterestAds.Core.Tests.Resilience;
using Xunit;

namespace PinterestAds.Core.Tests.Limiting;

public sealed class LocalRequestLimiterTests : IDisposable
{
    private static readonly LimiterBucket Bucket = new("1234", "549755885175");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pinads-local-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private LocalRequestLimiter Limiter(TimeProvider time, int budget = 3, double windowSeconds = 10, double maxWaitSeconds = 30) =>
        new(new BudgetOptions { RequestsPerWindow = budget, Window = TimeSpan.FromSeconds(windowSeconds), MaxWait = TimeSpan.FromSeconds(maxWaitSeconds), StateDirectory = _folder, TimeProvider = time });

    [Fact]
    public async Task A_caller_waits_for_the_next_permit_and_says_so()
    {
        var time = new AutoAdvancingTime();
        var limiter = Limiter(time);
        var observer = new RecordingObserver();
        var start = time.GetUtcNow();
        for (int i = 0; i < 3; i++)
        {
            await limiter.AcquirePermitAsync(Bucket, "a" + i, observer, default);
        }

        Assert.Empty(observer.Messages);
        var fourth = await limiter.AcquirePermitAsync(Bucket, "a3", observer, default);

        Assert.True(fourth.Allowed);
        Assert.InRange((time.GetUtcNow() - start).TotalSeconds, 10.0, 10.1);
        Assert.Contains(observer.Verboses, m => m.Contains("ad account 549755885175") && m.Contains("waiting 10 s"));
    }

    [Fact]
    public async Task A_wait_longer_than_the_maximum_is_a_quota_error_that_says_when()
    {
        var time = new AutoAdvancingTime();
        var limiter = Limiter(time, maxWaitSeconds: 2);
        for (int i = 0; i < 3; i++)
        {
            await limiter.AcquirePermitAsync(Bucket, "a" + i, SilentObserver.Instance, default);
        }

        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => limiter.AcquirePermitAsync(Bucket, "a3", SilentObserver.Instance, default));

        Assert.Equal(LimiterErrors.ExhaustedId, error.ErrorId);
        Assert.Equal(FailureKind.LimitsExceeded, error.Kind);
        Assert.Contains("Nothing was sent", error.Message);
        Assert.InRange((error.RetryAt!.Value - time.GetUtcNow()).TotalSeconds, 9.99, 10.0);
        Assert.Empty(time.Waits);
    }

    [Fact]
    public async Task Inspecting_spends_nothing()
    {
        var time = new AutoAdvancingTime();
        var limiter = Limiter(time);
        await limiter.AcquirePermitAsync(Bucket, "a", SilentObserver.Instance, default);

        var status = await limiter.InspectAsync(Bucket, default);
        status = await limiter.InspectAsync(Bucket, default);

        Assert.Equal(1, status.Used);
        Assert.Equal(2, status.Remaining);
        Assert.Equal(3, status.Budget);
        Assert.Equal("Local", status.Store);
        Assert.Equal(status.AsOf, status.NextPermitAt);
    }

    [Fact]
    public async Task A_damaged_log_is_repaired_with_a_warning_instead_of_stopping_the_module()
    {
        var time = new AutoAdvancingTime();
        var limiter = Limiter(time);
        string path = limiter.PathFor(Bucket);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        long far = LocalRequestLimiter.ToMicroseconds(time.GetUtcNow().AddYears(5));
        await File.WriteAllTextAsync(path, "garbage\0\0\n" + far + "\n-17\n");
        var observer = new RecordingObserver();

        var decision = await limiter.AcquirePermitAsync(Bucket, "a", observer, default);

        Assert.True(decision.Allowed);
        Assert.Equal(1, decision.Used);
        Assert.Contains(observer.Messages, m => m.StartsWith("WARNING: ") && m.Contains("3 unreadable line(s)"));
        Assert.DoesNotContain("garbage", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task A_log_another_process_rewrote_is_read_again_whole()
    {
        // The limiter reads only what was appended since its last look; a rewrite (new generation)
        // that is even longer than what it read must still be read from the start.
        var time = new AutoAdvancingTime();
        var limiter = Limiter(time, budget: 10);
        await limiter.AcquirePermitAsync(Bucket, "a", SilentObserver.Instance, default);
        await limiter.AcquirePermitAsync(Bucket, "b", SilentObserver.Instance, default);
        string path = limiter.PathFor(Bucket);
        long now = LocalRequestLimiter.ToMicroseconds(time.GetUtcNow());
        string rewritten = "# PinterestAds request budget log v1\n#generation " + new string('7', 80) + "\n" + (now - 1000) + "\n";
        Assert.True(rewritten.Length > new FileInfo(path).Length);
        await File.WriteAllTextAsync(path, rewritten);
        var observer = new RecordingObserver();

        var decision = await limiter.AcquirePermitAsync(Bucket, "c", observer, default);

        Assert.Equal(2, decision.Used);
        Assert.Empty(observer.Messages);
    }

    [Fact]
    public async Task A_log_an_earlier_version_wrote_is_read_whole_and_given_a_generation()
    {
        var time = new AutoAdvancingTime();
        var limiter = Limiter(time, budget: 10);
        await limiter.AcquirePermitAsync(Bucket, "a", SilentObserver.Instance, default);
        string path = limiter.PathFor(Bucket);
        long now = LocalRequestLimiter.ToMicroseconds(time.GetUtcNow());
        string earlier = "# PinterestAds request budget log v1\n" + string.Join("\n", Enumerable.Range(1, 6).Select(i => now - (i * 1000))) + "\n";
        Assert.True(earlier.Length > new FileInfo(path).Length);
        await File.WriteAllTextAsync(path, earlier);

        Assert.Equal(6, (await limiter.InspectAsync(Bucket, default)).Used);
        await File.AppendAllTextAsync(path, (now - 500) + "\n");
        var decision = await limiter.AcquirePermitAsync(Bucket, "b", SilentObserver.Instance, default);

        Assert.Equal(8, decision.Used);
        string[] lines = await File.ReadAllLinesAsync(path);
        Assert.StartsWith("#generation ", lines[1]);
        Assert.Equal(8, lines.Count(line => !line.StartsWith('#')));
        Assert.Equal(8, (await Limiter(time, budget: 10).InspectAsync(Bucket, default)).Used);
    }

    [Fact]
    public async Task Limiters_of_separate_contexts_share_one_budget_and_never_exceed_it()
    {
        // Real time, a short window: eight limiter instances (as separate runspaces or processes
        // would have) hammer one bucket; every admission's timestamp goes into the sweep.
        var admissions = new ConcurrentBag<long>();
        var until = DateTime.UtcNow.AddSeconds(3);
        var workers = Enumerable.Range(0, 8).Select(w => Task.Run(async () =>
        {
            var limiter = Limiter(TimeProvider.System, budget: 20, windowSeconds: 1, maxWaitSeconds: 5);
            while (DateTime.UtcNow < until)
            {
                var decision = await limiter.AcquirePermitAsync(Bucket, Guid.NewGuid().ToString("N"), SilentObserver.Instance, default);
                admissions.Add(decision.StoreTimeMicroseconds);
            }
        })).ToArray();
        await Task.WhenAll(workers);

        var sweep = Sweep.MaxInAnyWindow(admissions, 1_000_000);
        Assert.InRange(sweep, 1, 20);
        long first = admissions.Min();
        int inTwoWindows = admissions.Count(a => a < first + 2_000_000);
        Assert.True(inTwoWindows >= 38, $"only {inTwoWindows} of 40 possible admissions in the first two windows");
    }
}

/// <summary>The offline check of an admission history: the most admissions in any half-open window [t, t+T).</summary>
public static class Sweep
{
    public static int MaxInAnyWindow(IEnumerable<long> timestamps, long window)
    {
        var sorted = timestamps.OrderBy(t => t).ToArray();
        int best = 0;
        int start = 0;
        for (int end = 0; end < sorted.Length; end++)
        {
            while (sorted[end] - sorted[start] >= window)
            {
                start++;
            }

            best = Math.Max(best, end - start + 1);
        }

        return best;
    }
}
