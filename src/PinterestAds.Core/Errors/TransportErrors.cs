using PinterestAds.Core.Http;

namespace PinterestAds.Core.Errors
{
    /// <summary>The errors of a request that got no HTTP response: it timed out, or the connection failed.</summary>
    public static class TransportErrors
    {
        public const string TimedOutId = "requestTimedOut";
        public const string ConnectionFailedId = "connectionFailed";

        public static PinterestAdsException From(ApiRequest request, ApiTransportException ex) =>
            ex.IsTimeout
                ? new PinterestAdsException(TimedOutId, FailureKind.OperationTimeout, $"Pinterest Ads {request.DisplayPath}: {ex.Message}", "Pinterest did not answer in time; run the command again later.", ex)
                : new PinterestAdsException(
                    ConnectionFailedId,
                    FailureKind.Connection,
                    $"Pinterest Ads {request.DisplayPath}: {ex.Message}" + (ex.MayHaveReachedServer ? string.Empty : " Nothing was sent."),
                    "Check the network connection (and -ApiBaseUri / PINTEREST_ADS_API_BASE_URI), then run the command again.",
                    ex);
    }
}
