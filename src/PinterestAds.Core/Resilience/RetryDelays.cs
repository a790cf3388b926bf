using System;

namespace PinterestAds.Core.Resilience
{
    /// <summary>
    /// How long to wait before the next attempt: what <c>Retry-After</c> / <c>X-RateLimit-Reset</c>
    /// ask for, else exponential backoff with jitter. A 429 asking for more than
    /// <see cref="RetryOptions.MaxWait"/> is not waited for at all (see <see cref="RetryDelay.ExceedsMaxWait"/>).
    /// </summary>
    internal sealed class RetryDelays
    {
        private readonly RetryOptions _options;
        private readonly Func<double> _random;

        public RetryDelays(RetryOptions options)
        {
            _options = options;
            _random = options.Random ?? SharedRandom();
        }

        public RetryDelay Before(RetryCause cause, int attemptsMade)
        {
            if (cause.Response is null)
            {
                return Backoff(attemptsMade, "backoff");
            }

            if (RetryAfterHeaders.Read(cause.Response.Headers, _options.TimeProvider.GetUtcNow()) is { } asked)
            {
                if (asked.Wait <= _options.MaxWait)
                {
                    return new RetryDelay(asked.Wait + HeaderJitter(asked.Wait), asked.Source);
                }

                if (cause.IsRateLimited)
                {
                    return new RetryDelay(asked.Wait, asked.Source, exceedsMaxWait: true);
                }

                // A transient failure whose header asks for too long: back off as if it asked nothing.
            }

            return Backoff(attemptsMade, cause.IsRateLimited ? "backoff; no Retry-After or X-RateLimit-Reset" : "backoff");
        }

        /// <summary>Exponential backoff with jitter: 50-100 % of min(MaxBackoff, BaseDelay · 2^(n-1)).</summary>
        private RetryDelay Backoff(int attemptsMade, string source)
        {
            double step = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attemptsMade - 1));
            step = Math.Min(step, _options.MaxBackoff.TotalMilliseconds);
            return new RetryDelay(TimeSpan.FromMilliseconds(step * (0.5 + (0.5 * _random()))), source);
        }

        /// <summary>Up to 10 % (at most 500 ms) on top of a wait the server asked for, so workers do not all return at once.</summary>
        private TimeSpan HeaderJitter(TimeSpan wait) =>
            TimeSpan.FromMilliseconds(Math.Min(wait.TotalMilliseconds * 0.1, 500) * _random());

        /// <summary>One seeded generator per strategy, locked because concurrent calls share it (System.Random is not thread-safe).</summary>
        private static Func<double> SharedRandom()
        {
            var shared = new Random(Guid.NewGuid().GetHashCode());
            var gate = new object();
            return () =>
            {
                lock (gate)
                {
                    return shared.NextDouble();
                }
            };
        }
    }

    /// <summary>A wait before the next attempt and where it came from (a header, or backoff).</summary>
    internal readonly struct RetryDelay
    {
        public RetryDelay(TimeSpan wait, string source, bool exceedsMaxWait = false)
        {
            Wait = wait;
            Source = source;
            ExceedsMaxWait = exceedsMaxWait;
        }

        public TimeSpan Wait { get; }

        public string Source { get; }

        /// <summary>A 429 asked for longer than <see cref="RetryOptions.MaxWait"/>: an immediate quota error, never a sleep.</summary>
        public bool ExceedsMaxWait { get; }
    }
}
