using System;

namespace PinterestAds.Core.Limiting
{
    /// <summary>What the budget store answered for one permit request (or one inspection).</summary>
    public readonly struct PermitDecision
    {
        public PermitDecision(bool allowed, int used, int remaining, TimeSpan retryAfter, long storeTimeMicroseconds)
            : this(allowed, used, remaining, retryAfter, storeTimeMicroseconds, TimeSpan.Zero)
        {
        }

        public PermitDecision(bool allowed, int used, int remaining, TimeSpan retryAfter, long storeTimeMicroseconds, TimeSpan pausedFor)
        {
            Allowed = allowed;
            Used = used;
            Remaining = remaining;
            RetryAfter = retryAfter;
            StoreTimeMicroseconds = storeTimeMicroseconds;
            PausedFor = pausedFor;
        }

        public bool Allowed { get; }

        /// <summary>Permits in use in the rolling window, this one included when allowed.</summary>
        public int Used { get; }

        public int Remaining { get; }

        /// <summary>Zero when a permit is free now; otherwise how long until the next one frees.</summary>
        public TimeSpan RetryAfter { get; }

        /// <summary>
        /// The store's clock when it decided, in microseconds since the Unix epoch: Redis's
        /// <c>TIME</c> (monotonically clamped) or this machine's wall clock. For an allowed permit
        /// it is the admission's timestamp in the log.
        /// </summary>
        public long StoreTimeMicroseconds { get; }

        /// <summary>
        /// Zero unless the bucket is paused because Pinterest answered 429 (to this or another
        /// worker sharing the budget); then how long the pause still lasts. No permit is given meanwhile.
        /// </summary>
        public TimeSpan PausedFor { get; }
    }
}
