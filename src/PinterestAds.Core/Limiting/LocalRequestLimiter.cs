using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Coordination;
using PinterestAds.Core.Diagnostics;

namespace PinterestAds.Core.Limiting
{
    /// <summary>
    /// The budget when no Redis is configured: the same sliding-window log, kept in one small
    /// file per bucket under the user's local state folder and changed only under an exclusive
    /// file lock, so every process of the user on this machine shares it. Timestamps come from
    /// the wall clock (one clock on one machine), clamped so they never go backwards.
    /// </summary>
    /// <remarks>
    /// The file is a header line and one admission per line (microseconds since the Unix epoch).
    /// Admissions are appended; the file is rewritten without expired lines once they pile up.
    /// Unreadable lines, and timestamps implausibly far in the future, are dropped with a
    /// warning, so a damaged file never stops the module. A 429's pause is a
    /// <c>#paused-until &lt;microseconds&gt;</c> line in the same file (the latest one counts).
    /// </remarks>
    public sealed class LocalRequestLimiter : SlidingWindowLimiter
    {
        private const string Header = "# PinterestAds request budget log v1";

        // A pause after a 429: "#paused-until <microseconds>". A comment line, so older readers skip it.
        private const string PauseMark = "#paused-until ";
        private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(5);

        private readonly string _directory;

        public LocalRequestLimiter(BudgetOptions options)
            : base(options)
        {
            _directory = Path.Combine(options.StateDirectory ?? StatePaths.DefaultRoot(), "budget");
        }

        public override string StoreDescription => "Local";

        /// <summary>The file that holds <paramref name="bucket"/>'s log.</summary>
        public string PathFor(LimiterBucket bucket) => Path.Combine(_directory, "rl-" + StatePaths.Digest(bucket.Name) + ".log");

        protected internal override async Task<PermitDecision> DecideAsync(LimiterBucket bucket, string attemptId, bool charge, ICallObserver observer, CancellationToken cancellationToken)
        {
            string path = PathFor(bucket);
            LockedFile file;
            try
            {
                file = await LockedFile.OpenAsync(path, LockTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is TimeoutException || ex is IOException || ex is UnauthorizedAccessException)
            {
                throw LimiterErrors.LocalStoreUnavailable(bucket, path, ex.Message, ex, Time.GetUtcNow());
            }

            using (file)
            {
                try
                {
                    return Decide(file, charge, observer);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    throw LimiterErrors.LocalStoreUnavailable(bucket, path, ex.Message, ex, Time.GetUtcNow());
                }
            }
        }

        protected internal override async Task<DateTimeOffset> PauseAsync(LimiterBucket bucket, TimeSpan wait, CancellationToken cancellationToken)
        {
            string path = PathFor(bucket);
            try
            {
                using var file = await LockedFile.OpenAsync(path, LockTimeout, cancellationToken).ConfigureAwait(false);
                long now = ToMicroseconds(Time.GetUtcNow());
                long end = now + (wait.Ticks / 10);
                string text = file.ReadAllText();
                long current = ParsePause(text);
                if (end > current)
                {
                    file.AppendText((text.Length == 0 ? Header + "\n" : string.Empty) + PauseMark + end.ToString(CultureInfo.InvariantCulture) + "\n");
                }
                else
                {
                    end = current;
                }

                return Time.GetUtcNow() + TimeSpan.FromTicks((end - now) * 10);
            }
            catch (Exception ex) when (ex is TimeoutException || ex is IOException || ex is UnauthorizedAccessException)
            {
                throw LimiterErrors.LocalStoreUnavailable(bucket, path, ex.Message, ex, Time.GetUtcNow());
            }
        }

        private PermitDecision Decide(LockedFile file, bool charge, ICallObserver observer)
        {
            long windowUs = Window.Ticks / 10;
            long wallNow = ToMicroseconds(Time.GetUtcNow());
            string text = file.ReadAllText();
            var (entries, dropped) = Parse(text, wallNow + windowUs);
            if (dropped > 0)
            {
                observer.Warning($"The local request budget log '{file.Path}' was damaged; {dropped} unreadable line(s) were dropped.");
            }

            long pausedUntil = ParsePause(text);
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
                int expired = entries.Count - (decision.Used - 1);
                if (dropped > 0 || expired > Math.Max(64, Budget))
                {
                    var live = new StringBuilder(Header).Append('\n');
                    if (pausedUntil > decision.StoreTimeMicroseconds)
                    {
                        live.Append(PauseMark).Append(pausedUntil.ToString(CultureInfo.InvariantCulture)).Append('\n');
                    }

                    foreach (long entry in entries)
                    {
                        if (entry > decision.StoreTimeMicroseconds - windowUs)
                        {
                            live.Append(entry.ToString(CultureInfo.InvariantCulture)).Append('\n');
                        }
                    }

                    live.Append(decision.StoreTimeMicroseconds.ToString(CultureInfo.InvariantCulture)).Append('\n');
                    file.WriteAllText(live.ToString());
                }
                else
                {
                    file.AppendText((text.Length == 0 ? Header + "\n" : string.Empty) + decision.StoreTimeMicroseconds.ToString(CultureInfo.InvariantCulture) + "\n");
                }
            }

            return decision;
        }

        internal static (List<long> Entries, int Dropped) Parse(string text, long latestPlausible)
        {
            var entries = new List<long>();
            int dropped = 0;
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Trim();
                if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal))
                {
                    continue;
                }

                if (long.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value > 0 && value <= latestPlausible)
                {
                    entries.Add(value);
                }
                else
                {
                    dropped++;
                }
            }

            entries.Sort();
            return (entries, dropped);
        }

        /// <summary>The latest pause in the log (microseconds since the Unix epoch), 0 when none.</summary>
        internal static long ParsePause(string text)
        {
            long latest = 0;
            foreach (var raw in text.Split('\n'))
            {
                var line = raw.Trim();
                if (line.StartsWith(PauseMark, StringComparison.Ordinal) &&
                    long.TryParse(line.Substring(PauseMark.Length), NumberStyles.None, CultureInfo.InvariantCulture, out long value) && value > latest)
                {
                    latest = value;
                }
            }

            return latest;
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
