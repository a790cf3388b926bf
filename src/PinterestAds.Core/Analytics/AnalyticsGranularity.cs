namespace PinterestAds.Core.Analytics
{
    /// <summary>
    /// How a date range is broken down (the spec's <c>granularity</c>): one Total row per entity, or a
    /// row per Day, Hour, Week (Monday-based) or Month.
    /// </summary>
    public enum AnalyticsGranularity
    {
        Total,
        Day,
        Hour,
        Week,
        Month,
    }
}
