using System;

namespace PinterestAds.Core.Limiting
{
    /// <summary>The request budget a context spends: how many requests per rolling window, where it is kept.</summary>
    public sealed class BudgetOptions
    {
        public const int DefaultRequestsPerHour = 1000;

        /// <summary>Requests admitted per rolling <see cref="Window"/> (PINTEREST_ADS_REQUESTS_PER_HOUR).</summary>
        public int RequestsPerWindow { get; set; } = DefaultRequestsPerHour;

        /// <summary>The rolling window; an hour, shorter only in tests.</summary>
        public TimeSpan Window { get; set; } = TimeSpan.FromHours(1);

        /// <summary>
        /// How long a call may wait for a permit before it becomes a quota error
        /// (PINTEREST_ADS_LIMIT_MAX_WAIT). The same bound applies to a 429's <c>Retry-After</c>:
        /// a longer wait is an immediate quota error.
        /// </summary>
        public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>StackExchange.Redis configuration (PINTEREST_ADS_REDIS); null keeps the budget on this machine.</summary>
        public string? RedisConfiguration { get; set; }

        /// <summary>
        /// Folder for machine-local state (budget logs, idempotency journal) when no Redis is
        /// configured; null means the user's local application data folder.
        /// </summary>
        public string? StateDirectory { get; set; }

        /// <summary>How long the idempotency journal remembers a caller's key and its result.</summary>
        public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromDays(7);

        /// <summary>The clock for waits and reported times (the Redis limiter decides by Redis's clock).</summary>
        public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

        internal void Validate()
        {
            if (RequestsPerWindow < 1)
            {
                throw Errors.PinterestAdsException.InvalidArgument("RequestsPerHour", $"{RequestsPerWindow} is not a request budget: it must be at least 1.", RequestsPerWindow);
            }

            if (Window <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(Window), "The budget window must be positive.");
            }

            if (MaxWait < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(MaxWait), "The maximum wait cannot be negative.");
            }
        }
    }
}
