using System;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Core.Idempotency
{
    /// <summary>
    /// Renews a journal claim's lease while its write runs, so the lease can be short: a re-run
    /// after a crash on another machine waits seconds for it to lapse, not minutes. The beat runs
    /// on real time (it is about this process being alive), off the caller's thread, and reports
    /// nothing: a lost renewal only means another run may take the key over.
    /// </summary>
    internal sealed class LeaseKeeper : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly Task _beats;

        private LeaseKeeper(IIdempotencyJournal journal, JournalClaim claim, TimeSpan interval)
        {
            _beats = Task.Run(() => BeatAsync(journal, claim, interval, _stop.Token));
        }

        public static LeaseKeeper Start(IIdempotencyJournal journal, JournalClaim claim, TimeSpan lease) =>
            new LeaseKeeper(journal, claim, TimeSpan.FromTicks(lease.Ticks / 3));

        public async ValueTask DisposeAsync()
        {
            _stop.Cancel();
            await _beats.ConfigureAwait(false);
            _stop.Dispose();
        }

        private static async Task BeatAsync(IIdempotencyJournal journal, JournalClaim claim, TimeSpan interval, CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await Task.Delay(interval, stop).ConfigureAwait(false);
                    if (!await journal.RenewAsync(claim, stop).ConfigureAwait(false))
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
                    // The journal is briefly unreachable: the next beat tries again before the lease lapses.
                }
            }
        }
    }
}
