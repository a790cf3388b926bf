namespace PinterestAds.Testing.Analytics
{
    /// <summary>An analytics level: which entities its rows describe and how their id is named.</summary>
    internal sealed class AnalyticsLevel
    {
        private AnalyticsLevel(string idKey, string? collection, string? idsParameter, string errorName)
        {
            IdKey = idKey;
            Collection = collection;
            IdsParameter = idsParameter;
            ErrorName = errorName;
        }

        public static AnalyticsLevel AdAccount { get; } = new AnalyticsLevel("AD_ACCOUNT_ID", null, null, "ad account analytics");

        public static AnalyticsLevel Campaign { get; } = new AnalyticsLevel("CAMPAIGN_ID", "campaigns", "campaign_ids", "ad account campaign analytics");

        public static AnalyticsLevel AdGroup { get; } = new AnalyticsLevel("AD_GROUP_ID", "ad_groups", "ad_group_ids", "ad account group analytics");

        public static AnalyticsLevel Ad { get; } = new AnalyticsLevel("AD_ID", "ads", "ad_ids", "ad account ads analytics");

        /// <summary>The row's id column: AD_ACCOUNT_ID, CAMPAIGN_ID, AD_GROUP_ID or AD_ID.</summary>
        public string IdKey { get; }

        /// <summary>The ads-state collection of the level's entities; null for the ad account itself.</summary>
        public string? Collection { get; }

        /// <summary>The query parameter naming the level's ids (campaign_ids, ...); null for the ad account.</summary>
        public string? IdsParameter { get; }

        /// <summary>For the spec's 400 message: "Invalid {ErrorName} parameters."</summary>
        public string ErrorName { get; }

        /// <summary>The same entities under a report's id column name (ADVERTISER_ID for the account).</summary>
        public AnalyticsLevel WithIdKey(string idKey) => new AnalyticsLevel(idKey, Collection, IdsParameter, ErrorName);
    }
}
