using System;

namespace PinterestAds.Core.Resilience
{
    /// <summary>Bounds of <see cref="RetryingAttemptStrategy"/>: attempts, waits and total time per logical request.</summary>
    public sealed class RetryOptions
    {
        /// <summary>Attempts per logical request, the first included (each takes its own permit).</summary>
        public int MaxAttempts { get; set; } = 4;

        /// <summary>First backoff step; doubles per retry, with jitter (each wait is 50-100 % of the step).</summary>
        public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>Cap on a computed backoff step (not on a wait the server asks for).</summary>
        public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(20);

        /// <summary>
        /// The caller's maximum wait (PINTEREST_ADS_LIMIT_MAX_WAIT): a 429 asking for longer is an
        /// immediate quota error carrying the reset time, never a sleep.
        /// </summary>
        public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>No retry starts once its wait would take the request past this much time in total.</summary>
        public TimeSpan MaxTotalTime { get; set; } = TimeSpan.FromMinutes(2);

        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

        /// <summary>Source of jitter in [0, 1); replace only in tests.</summary>
        public Func<double>? Random { get; set; }
    }
}
