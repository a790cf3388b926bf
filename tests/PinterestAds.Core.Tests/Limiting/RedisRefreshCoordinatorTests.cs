using System.Diagnostics;
using PinterestAds.Core.Coordination;
using PinterestAds.Core.Errors;
using Xunit;

namespace PinterestAds.Core.Tests.Limiting;

[Collection(RedisTimingCollection.Name)]
public sealed class RedisRefreshCoordinatorTests : IDisposable
{
    private readonly RedisServer _redis = new();
    private readonly string _grant = "grant-" + Guid.NewGuid().ToString("N");

    public void Dispose() => _redis.Dispose();

    [Fact]
    public async Task A_second_refresher_waits_until_the_first_releases()
    {
        var coordinator = new RedisRefreshCoordinator(_redis.Configuration);
        var first = await coordinator.AcquireAsync(_grant, TimeSpan.FromSeconds(5), default);
        var second = coordinator.AcquireAsync(_grant, TimeSpan.FromSeconds(5), default);
        await Task.Delay(300);
        Assert.False(second.IsCompleted);

        first.Dispose();
        using var held = await second.WaitAsync(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Waiting_longer_than_the_timeout_is_an_error()
    {
        var coordinator = new RedisRefreshCoordinator(_redis.Configuration);
        using var first = await coordinator.AcquireAsync(_grant, TimeSpan.FromSeconds(5), default);

        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => coordinator.AcquireAsync(_grant, TimeSpan.FromMilliseconds(400), default));

        Assert.Equal("refreshLockTimeout", error.ErrorId);
    }

    [Fact]
    public async Task A_holder_whose_lease_ran_out_cannot_release_its_successor()
    {
        var shortLease = new RedisRefreshCoordinator(_redis.Configuration, TimeSpan.FromMilliseconds(200));
        var stale = await shortLease.AcquireAsync(_grant, TimeSpan.FromSeconds(1), default);
        await Task.Delay(400);
        var coordinator = new RedisRefreshCoordinator(_redis.Configuration);
        using var successor = await coordinator.AcquireAsync(_grant, TimeSpan.FromSeconds(1), default);

        stale.Dispose();

        var db = (await RedisConnections.GetAsync(_redis.Configuration)).GetDatabase();
        Assert.True(await db.KeyExistsAsync(RedisRefreshCoordinator.KeyFor(_grant)));
    }

    [Fact]
    public async Task Redis_down_fails_closed_promptly()
    {
        _redis.Kill();
        var coordinator = new RedisRefreshCoordinator(_redis.Configuration);
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => coordinator.AcquireAsync(_grant, TimeSpan.FromSeconds(10), default));

        Assert.Equal("refreshLockUnavailable", error.ErrorId);
        Assert.Equal(PinterestAds.Core.Errors.FailureKind.LimitsExceeded, error.Kind);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"took {clock.Elapsed}");
    }
}
