using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;

namespace PinterestAds.Core.Jobs
{
    /// <summary>
    /// One worker's run of a named job over its ad accounts. Workers that run the same job share
    /// them: each account is taken under a lease (one worker at a time; a dead worker's lease lapses
    /// within <see cref="LeaseDuration"/>), and an account another worker finished within the run
    /// window is skipped, so N workers started together take M accounts once each.
    /// </summary>
    internal sealed class JobRun
    {
        /// <summary>How long a lease holds without renewal: a crashed worker's accounts are free again this soon.</summary>
        public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);

        private readonly IJobStore _store;
        private readonly string _job;
        private readonly TimeSpan _runWindow;
        private readonly SemaphoreSlim _starting = new SemaphoreSlim(1, 1);
        private DateTimeOffset? _doneSince;

        /// <param name="runWindow">An account finished less than this long before the run began counts as done by this run; zero takes every account.</param>
        public JobRun(IJobStore store, string job, TimeSpan runWindow)
        {
            _store = store;
            _job = job;
            _runWindow = runWindow;
        }

        /// <summary>The accounts in a random order, so workers started together begin with different ones.</summary>
        public static IReadOnlyList<string> Shuffled(IEnumerable<string> accounts)
        {
            var random = new Random(Guid.NewGuid().GetHashCode());
            return accounts.Distinct(StringComparer.Ordinal).OrderBy(_ => random.Next()).ToArray();
        }

        /// <summary>This worker's turn at <paramref name="account"/>, or null when another worker holds it or finished it within the run window.</summary>
        public async Task<AccountTurn?> TakeAsync(string account, ICallObserver observer, CancellationToken cancellationToken)
        {
            DateTimeOffset doneSince = await DoneSinceAsync(cancellationToken).ConfigureAwait(false);
            var lease = await _store.TryLeaseAsync(account, LeaseDuration, cancellationToken).ConfigureAwait(false);
            if (lease is null)
            {
                observer.Verbose($"Job '{_job}': another worker holds ad account {account}; skipped.");
                return null;
            }

            var turn = new AccountTurn(_store, _job, lease, observer);
            try
            {
                var record = await _store.ReadAsync(account, cancellationToken).ConfigureAwait(false);
                if (record.CompletedAt is DateTimeOffset done && done >= doneSince)
                {
                    observer.Verbose($"Job '{_job}': ad account {account} was done at {done:u}, within the run window of this run; skipped.");
                    await turn.DisposeAsync().ConfigureAwait(false);
                    return null;
                }

                turn.Previous = record;
                return turn;
            }
            catch
            {
                await turn.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }

        /// <summary>The run begins at its first turn, on the store's clock, which every worker shares.</summary>
        private async Task<DateTimeOffset> DoneSinceAsync(CancellationToken cancellationToken)
        {
            await _starting.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                if (_doneSince is null)
                {
                    var now = await _store.NowAsync(cancellationToken).ConfigureAwait(false);
                    _doneSince = _runWindow > TimeSpan.Zero ? now - _runWindow : DateTimeOffset.MaxValue;
                }

                return _doneSince.Value;
            }
            finally
            {
                _starting.Release();
            }
        }
    }
}
