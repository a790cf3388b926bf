using Microsoft.Extensions.Time.Testing;

namespace PinterestAds.Core.Tests.Resilience;

/// <summary>
/// A FakeTimeProvider whose timers fire at once by jumping the clock to their due time, so
/// backoff and limiter waits take no real time while elapsed virtual time stays exact. Fit for
/// one logical call at a time (timers fire in creation order).
/// </summary>
public sealed class AutoAdvancingTime : FakeTimeProvider
{
    private readonly object _gate = new();

    public AutoAdvancingTime()
        : base(new DateTimeOffset(2025, 11, 28, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public List<TimeSpan> Waits { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_gate)
            {
                Waits.Add(dueTime);
            }

            ThreadPool.QueueUserWorkItem(_ => Advance(dueTime));
        }

        return timer;
    }
}
