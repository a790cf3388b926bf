namespace PinterestAds.Core.Analytics.Planning
{
    /// <summary>
    /// Pinterest's limits on one analytics request (FACTS §9, the spec's endpoint descriptions). Day
    /// counts are inclusive calendar days; "days back" counts from today, UTC.
    /// </summary>
    public static class AnalyticsLimits
    {
        /// <summary>Ids per synchronous request (campaign_ids, ad_group_ids, ad_ids: maxItems 250).</summary>
        public const int SyncIdsPerRequest = 250;

        /// <summary>Days per synchronous request ("a maximum time range of 90 days").</summary>
        public const int SyncDaysPerRequest = 90;

        /// <summary>How far back the synchronous endpoints reach ("up to 90 days before the current date").</summary>
        public const int SyncDaysBack = 90;

        /// <summary>Ids per async report filter (maxItems 500).</summary>
        public const int ReportIdsPerRequest = 500;

        /// <summary>Days per async report ("a maximum time range of 186 days").</summary>
        public const int ReportDaysPerRequest = 186;

        /// <summary>How far back async reports reach ("up to 914 days before the current date").</summary>
        public const int ReportDaysBack = 914;

        /// <summary>How far back hourly data reaches ("up to 8 days before the current date").</summary>
        public const int HourDaysBack = 8;

        /// <summary>Days per request with granularity HOUR ("a maximum time range of 3 days").</summary>
        public const int HourDaysPerRequest = 3;
    }
}
