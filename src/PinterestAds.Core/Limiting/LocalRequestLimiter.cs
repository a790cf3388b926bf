using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Coordination;
using PinterestAds.Core.Diagnostics;

namespace PinterestAds.Core.Limiting
{
    /// <summary>
    /// The budget when no Redis is configured: the same sliding-window log, kept in one small
    /// file per bucket under the user's local state folder (<see cref="BudgetLogFile"/>) and changed
    /// only under an exclusive file lock, so every process of the user on this machine shares it.
    /// Timestamps come from the wall clock (one clock on one machine), clamped so they never go
    /// backwards. Admissions are appended; the file is rewritten without expired lines once they
    /// pile up. Unreadable lines, and timestamps implausibly far in the future, are dropped with a
    /// warning, so a damaged file never stops the module.
    /// </summary>
    public sealed class LocalRequestLimiter : SlidingWindowLimiter
    {
        private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(5);

        private readonly string _directory;

        // Per bucket name: its file's path (a digest, worth computing once) and what this limiter last
        // read of the file. The log is touched only while the file is locked.
        private readonly ConcurrentDictionary<string, (string Path, BudgetLogFile Log)> _buckets = new ConcurrentDictionary<string, (string Path, BudgetLogFile Log)>(StringComparer.Ordinal);

        public LocalRequestLimiter(BudgetOptions options)
            : base(options)
        {
            _directory = Path.Combine(options.StateDirectory ?? StatePaths.DefaultRoot(), "budget");
        }

        public override string StoreDescription => "Local";

        /// <summary>The file that holds <paramref name="bucket"/>'s log.</summary>
        public string PathFor(LimiterBucket bucket) => Known(bucket).Path;

        protected internal override Task<PermitDecision> DecideAsync(LimiterBucket bucket, string attemptId, bool charge, ICallObserver observer, CancellationToken cancellationToken) =>
            WithLogAsync(bucket, cancellationToken, (file, log) => Decide(file, log, charge, observer));

        protected internal override Task<DateTimeOffset> PauseAsync(LimiterBucket bucket, TimeSpan wait, CancellationToken cancellationToken) =>
            WithLogAsync(bucket, cancellationToken, (file, log) =>
            {
                long now = ToMicroseconds(Time.GetUtcNow());
                long end = now + (wait.Ticks / 10);
                log.Refresh(file, now + (Window.Ticks / 10));
                if (end > log.PausedUntil)
                {
                    log.AppendPause(file, end);
                }
                else
                {
                    end = log.PausedUntil;
                }

                return Time.GetUtcNow() + TimeSpan.FromTicks((end - now) * 10);
            });

        /// <summary>Runs <paramref name="step"/> on the bucket's file, locked; a store that cannot be used is the fail-closed quota error.</summary>
        private async Task<T> WithLogAsync<T>(LimiterBucket bucket, CancellationToken cancellationToken, Func<LockedFile, BudgetLogFile, T> step)
        {
            var (path, log) = Known(bucket);
            try
            {
                using var file = await LockedFile.OpenAsync(path, LockTimeout, cancellationToken).ConfigureAwait(false);
                return step(file, log);
            }
            catch (Exception ex) when (ex is TimeoutException || ex is IOException || ex is UnauthorizedAccessException)
            {
                throw LimiterErrors.LocalStoreUnavailable(bucket, path, ex.Message, ex, Time.GetUtcNow());
            }
        }

        private (string Path, BudgetLogFile Log) Known(LimiterBucket bucket) =>
            _buckets.GetOrAdd(bucket.Name, name => (Path.Combine(_directory, "rl-" + StatePaths.Digest(name) + ".log"), new BudgetLogFile()));

        private PermitDecision Decide(LockedFile file, BudgetLogFile log, bool charge, ICallObserver observer)
        {
            long windowUs = Window.Ticks / 10;
            long wallNow = ToMicroseconds(Time.GetUtcNow());
            log.Refresh(file, wallNow + windowUs);
            int dropped = log.Unreadable;
            if (dropped > 0)
            {
                observer.Warning($"The local request budget log '{file.Path}' was damaged; {dropped} unreadable line(s) were dropped.");
            }

            var entries = log.Entries;
            long pausedUntil = log.PausedUntil;
            if (pausedUntil > wallNow)
            {
                var counted = SlidingWindowLog.Decide(entries, wallNow, windowUs, Budget, charge: false);
                long pausedUs = pausedUntil - counted.StoreTimeMicroseconds;
                if (pausedUs > 0)
                {
                    var pausedFor = TimeSpan.FromTicks(pausedUs * 10);
                    var retryAfter = pausedFor > counted.RetryAfter ? pausedFor : counted.RetryAfter;
                    return new PermitDecision(false, counted.Used, counted.Remaining, retryAfter, counted.StoreTimeMicroseconds, pausedFor);
                }
            }

            var decision = SlidingWindowLog.Decide(entries, wallNow, windowUs, Budget, charge);
            if (charge && decision.Allowed)
            {
                long admitted = decision.StoreTimeMicroseconds;
                int expired = entries.Count - (decision.Used - 1);
                if (dropped > 0 || expired > Math.Max(64, Budget) || !log.HasGeneration)
                {
                    var live = entries.Where(entry => entry > admitted - windowUs).Append(admitted).ToList();
                    log.Rewrite(file, pausedUntil, live, admitted);
                }
                else
                {
                    log.AppendAdmission(file, admitted);
                }
            }

            return decision;
        }

        internal static long ToMicroseconds(DateTimeOffset value) => (value.UtcTicks - DateTimeOffset.FromUnixTimeMilliseconds(0).UtcTicks) / 10;
    }

    /// <summary>The sliding-window decision on a sorted log, shared logic of the local limiter (and its tests).</summary>
    internal static class SlidingWindowLog
    {
        /// <param name="entries">Admission times, ascending, microseconds.</param>
        public static PermitDecision Decide(List<long> entries, long now, long windowUs, int budget, bool charge)
        {
            if (entries.Count > 0 && entries[entries.Count - 1] >= now)
            {
                now = entries[entries.Count - 1] + 1;
            }

            long floor = now - windowUs;
            int firstLive = entries.BinarySearch(floor + 1);
            if (firstLive < 0)
            {
                firstLive = ~firstLive;
            }
            else
            {
                while (firstLive > 0 && entries[firstLive - 1] > floor)
                {
                    firstLive--;
                }
            }

            int used = entries.Count - firstLive;
            if (charge && used < budget)
            {
                return new PermitDecision(true, used + 1, budget - used - 1, TimeSpan.Zero, now);
            }

            var retryAfter = TimeSpan.Zero;
            if (used >= budget)
            {
                long frees = entries[firstLive + (used - budget)] + windowUs - now;
                retryAfter = TimeSpan.FromTicks(Math.Max(frees, 1) * 10);
            }

            return new PermitDecision(false, used, Math.Max(budget - used, 0), retryAfter, now);
        }
    }
}
