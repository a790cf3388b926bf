namespace PinterestAds.Core.Analytics.Planning
{
    /// <summary>How a span of days is read: a synchronous analytics request, or an async report (older history).</summary>
    public enum RequestKind
    {
        Sync,
        Report,
    }
}
