using System;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Coordination;
using PinterestAds.Core.Diagnostics;

namespace PinterestAds.Core.Jobs
{
    /// <summary>
    /// A worker's hold on one ad account of a job: the lease is renewed while the worker reads, the
    /// new state is recorded only by <see cref="CompleteAsync"/> (after the account's output was
    /// written), and disposing gives the account up.
    /// </summary>
    internal sealed class AccountTurn : IAsyncDisposable
    {
        /// <summary>How long giving the account up may take (one store operation, with room); after that its lease lapses by itself.</summary>
        private static readonly TimeSpan ReleaseTimeout = TimeSpan.FromSeconds(10);

        private readonly IJobStore _store;
        private readonly string _job;
        private readonly JobLease _lease;
        private readonly ICallObserver _observer;
        private readonly LeaseKeeper _keeper;
        private bool _disposed;

        public AccountTurn(IJobStore store, string job, JobLease lease, ICallObserver observer)
        {
            _store = store;
            _job = job;
            _lease = lease;
            _observer = observer;
            _keeper = LeaseKeeper.Start(ct => store.RenewAsync(lease, JobRun.LeaseDuration, ct), JobRun.LeaseDuration);
        }

        public string Account => _lease.Account;

        /// <summary>What the job recorded for the account last time.</summary>
        public JobRecord Previous { get; internal set; } = JobRecord.None;

        /// <summary>Records the account's new state; if the lease lapsed meanwhile nothing is recorded and a warning says so.</summary>
        public async Task CompleteAsync(string state, CancellationToken cancellationToken)
        {
            if (!await _store.WriteAsync(_lease, state, cancellationToken).ConfigureAwait(false))
            {
                _observer.Warning($"Job '{_job}': the lease on ad account {Account} lapsed before its state was recorded (another worker may have taken it), so its state did not move; the next run repeats it.");
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await _keeper.DisposeAsync().ConfigureAwait(false);
            try
            {
                // Even when the run was stopped: a lease left behind would hold the account until it lapses.
                using var release = new CancellationTokenSource(ReleaseTimeout);
                await _store.ReleaseAsync(_lease, release.Token).ConfigureAwait(false);
            }
            catch (Errors.PinterestAdsException ex)
            {
                _observer.Verbose($"Job '{_job}': could not give up ad account {Account} ({ex.Message}); its lease lapses within {JobRun.LeaseDuration.TotalSeconds:0} s.");
            }
        }
    }
}
