using Microsoft.Extensions.Time.Testing;
using PinterestAds.Core.Lookups;
using Xunit;

namespace PinterestAds.Core.Tests.Lookups;

/// <summary>What tab completion relies on: answers kept briefly, failures forgotten, a late answer kept for the next Tab.</summary>
public sealed class LookupCacheTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _time = new();
    private int _calls;

    private LookupCache NewCache() => new(_time);

    private Task<IReadOnlyList<Suggestion>> Answer(CancellationToken cancellationToken)
    {
        int call = Interlocked.Increment(ref _calls);
        return Task.FromResult<IReadOnlyList<Suggestion>>(new[] { new Suggestion("1", "answer " + call) });
    }

    [Fact]
    public void A_fresh_answer_is_reused_and_asked_again_once_stale()
    {
        var cache = NewCache();
        Assert.Equal("answer 1", Assert.Single(cache.Get("k", Answer, Wait)).Description);

        _time.Advance(LookupCache.Freshness - TimeSpan.FromSeconds(1));
        Assert.Equal("answer 1", Assert.Single(cache.Get("k", Answer, Wait)).Description);

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("answer 2", Assert.Single(cache.Get("k", Answer, Wait)).Description);
        Assert.Equal("answer 3", Assert.Single(cache.Get("other", Answer, Wait)).Description);
    }

    [Fact]
    public void A_failed_lookup_gives_nothing_and_is_asked_again()
    {
        var cache = NewCache();
        Assert.Empty(cache.Get<Suggestion>("k", _ => throw new InvalidOperationException("down"), Wait));
        Assert.Empty(cache.Get<Suggestion>("k", _ => Task.FromException<IReadOnlyList<Suggestion>>(new HttpRequestException("down")), Wait));

        Assert.Equal("answer 1", Assert.Single(cache.Get("k", Answer, Wait)).Description);
    }

    [Fact]
    public async Task A_slow_lookup_gives_nothing_within_the_bound_and_its_late_answer_serves_the_next_call()
    {
        var cache = NewCache();
        var release = new TaskCompletionSource<IReadOnlyList<Suggestion>>(TaskCreationOptions.RunContinuationsAsynchronously);

        Assert.Empty(cache.Get("k", _ => release.Task, TimeSpan.FromMilliseconds(50)));
        Assert.Empty(cache.Get("k", Answer, TimeSpan.FromMilliseconds(50))); // still running: not asked twice
        release.SetResult(new[] { new Suggestion("7", "late") });
        await release.Task;

        Assert.Equal("late", Assert.Single(cache.Get("k", Answer, Wait)).Description);
        Assert.Equal(0, _calls);
    }
}
