using System;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Core.Coordination
{
    /// <summary>
    /// Renews a lease while its holder works (an idempotency journal claim, a job's lease on an ad
    /// account), so the lease can be short: after a crash another worker waits seconds for it to
    /// lapse, not minutes. The beat runs on real time (it is about this process being alive), off
    /// the caller's thread, and reports nothing: a lost renewal only means another worker may take over.
    /// </summary>
    internal sealed class LeaseKeeper : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Task _beats;

        private LeaseKeeper(Func<CancellationToken, Task<bool>> renew, TimeSpan interval)
        {
            _beats = Task.Run(() => BeatAsync(renew, interval, _stop.Token));
        }

        /// <param name="renew">Renews the lease; false when it is no longer held (the beats stop).</param>
        /// <param name="lease">How long one renewal holds: renewed every third of it.</param>
        public static LeaseKeeper Start(Func<CancellationToken, Task<bool>> renew, TimeSpan lease) =>
            new LeaseKeeper(renew, TimeSpan.FromTicks(lease.Ticks / 3));

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            await _beats.ConfigureAwait(false);
            _stop.Dispose();
        }

        private static async Task BeatAsync(Func<CancellationToken, Task<bool>> renew, TimeSpan interval, CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(interval, stop).ConfigureAwait(false);
                    if (!await renew(stop).ConfigureAwait(false))
                    {
                        return;
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex) when (!(ex is OutOfMemoryException))
                {
                    // The store is briefly unreachable: the next beat tries again before the lease lapses.
                }
            }
        }
    }
}
