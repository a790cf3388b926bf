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

        /// <summary>How long a call may wait for a permit before it becomes a quota error (PINTEREST_ADS_LIMIT_MAX_WAIT).</summary>
        public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>StackExchange.Redis configuration (PINTEREST_ADS_REDIS); null keeps the budget on this machine.</summary>
        public string? RedisConfiguration { get; set; }
    }
}
