using System;
using System.Collections.Generic;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Analytics;
using PinterestAds.Core.Rates;

namespace PinterestAds.Core.Sync
{
    /// <summary>A sync job as Sync-PinAnalytics runs it; property names are the cmdlet's parameters.</summary>
    public sealed class SyncJob
    {
        /// <summary>Late conversions restate recent days: the days before the watermark pulled again.</summary>
        public const int DefaultLookbackDays = 3;

        public SyncJob(string name, IReadOnlyList<PinterestId> adAccountId)
        {
            Name = name;
            AdAccountId = adAccountId;
        }

        /// <summary>The job's name: workers that share it share its watermarks and split its accounts.</summary>
        public string Name { get; }

        public IReadOnlyList<PinterestId> AdAccountId { get; }

        public AnalyticsLevel Level { get; set; } = AnalyticsLevel.AdAccount;

        public IReadOnlyList<string>? Column { get; set; }

        public int LookbackDays { get; set; } = DefaultLookbackDays;

        /// <summary>Where an account without a watermark starts; default <see cref="LookbackDays"/> before today.</summary>
        public DateTime? StartDate { get; set; }

        /// <summary>An account any worker pulled less than this long before this run began is not pulled again.</summary>
        public TimeSpan RunWindow { get; set; } = TimeSpan.FromMinutes(10);

        public ExchangeRateOverride? ExchangeRate { get; set; }
    }
}
