using System;
using PinterestAds.Core.Ads;

namespace PinterestAds.Core.Analytics
{
    /// <summary>
    /// Where each level's analytics live (FACTS §9): its synchronous endpoint and id filter, the id
    /// column of its rows, and the level and filter of an async report covering the same entities.
    /// </summary>
    internal sealed class LevelEndpoints
    {
        private static readonly LevelEndpoints AdAccountLevel = new LevelEndpoints(AnalyticsLevel.AdAccount, "analytics", "get_ad_account_analytics", null, "AD_ACCOUNT_ID", "ADVERTISER", null, null);
        private static readonly LevelEndpoints CampaignLevel = new LevelEndpoints(AnalyticsLevel.Campaign, "campaigns/analytics", "get_campaign_analytics", "campaign_ids", "CAMPAIGN_ID", "CAMPAIGN", "campaign_ids", AdsKind.Campaign);
        private static readonly LevelEndpoints AdGroupLevel = new LevelEndpoints(AnalyticsLevel.AdGroup, "ad_groups/analytics", "get_ad_group_analytics", "ad_group_ids", "AD_GROUP_ID", "AD_GROUP", "ad_group_ids", AdsKind.AdGroup);
        private static readonly LevelEndpoints AdLevel = new LevelEndpoints(AnalyticsLevel.Ad, "ads/analytics", "get_ad_analytics", "ad_ids", "AD_ID", "PIN_PROMOTION", "ad_ids", AdsKind.Ad);

        private LevelEndpoints(AnalyticsLevel level, string path, string operation, string? idsParameter, string idColumn, string reportLevel, string? reportFilter, AdsKind? kind)
        {
            Level = level;
            Path = path;
            Operation = operation;
            IdsParameter = idsParameter;
            IdColumn = idColumn;
            ReportLevel = reportLevel;
            ReportFilter = reportFilter;
            Kind = kind;
        }

        public AnalyticsLevel Level { get; }

        /// <summary>Below <c>ad_accounts/{id}/</c>: <c>analytics</c>, <c>campaigns/analytics</c>, …</summary>
        public string Path { get; }

        /// <summary>Pinterest's operation name, for messages.</summary>
        public string Operation { get; }

        /// <summary>The synchronous endpoint's id filter (1-250 ids); null for the ad account itself.</summary>
        public string? IdsParameter { get; }

        /// <summary>The column that names a row's entity: AD_ACCOUNT_ID, CAMPAIGN_ID, AD_GROUP_ID or AD_ID.</summary>
        public string IdColumn { get; }

        /// <summary>The async report's <c>level</c> (MetricsReportingLevel) for the same entities.</summary>
        public string ReportLevel { get; }

        /// <summary>The async report's id filter (1-500 ids); null for the ad account itself.</summary>
        public string? ReportFilter { get; }

        /// <summary>The entities of this level, for listing them when no ids are given; null for the ad account.</summary>
        public AdsKind? Kind { get; }

        public static LevelEndpoints For(AnalyticsLevel level) => level switch
        {
            AnalyticsLevel.AdAccount => AdAccountLevel,
            AnalyticsLevel.Campaign => CampaignLevel,
            AnalyticsLevel.AdGroup => AdGroupLevel,
            AnalyticsLevel.Ad => AdLevel,
            _ => throw new ArgumentOutOfRangeException(nameof(level)),
        };
    }
}
