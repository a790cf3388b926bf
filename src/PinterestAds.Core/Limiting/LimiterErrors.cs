using System;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Limiting
{
    /// <summary>The quota errors of the request budget. Each says that nothing was sent, and when to try again.</summary>
    public static class LimiterErrors
    {
        public const string ExhaustedId = "requestBudgetExhausted";
        public const string UnavailableId = "requestBudgetUnavailable";
        public const string PausedId = "requestBudgetPaused";

        public static string Describe(LimiterBucket bucket) =>
            bucket.AdAccountId is null ? $"app-level calls of client {bucket.ClientId}" : $"ad account {bucket.AdAccountId}";

        public static PinterestAdsException Exhausted(LimiterBucket bucket, int budget, TimeSpan window, TimeSpan retryAfter, TimeSpan maxWait, DateTimeOffset now)
        {
            var retryAt = now + retryAfter;
            string message =
                $"The request budget for {Describe(bucket)} is used up ({budget} requests per {Durations.Format(window)}): " +
                $"the next permit frees up at {Durations.Instant(retryAt)}, in {Durations.Format(retryAfter)}, " +
                $"longer than this call may wait ({Durations.Format(maxWait)}). Nothing was sent.";
            return new PinterestAdsException(
                ExhaustedId,
                FailureKind.LimitsExceeded,
                message,
                $"Run it again after {Durations.Instant(retryAt)}, allow a longer wait with PINTEREST_ADS_LIMIT_MAX_WAIT, or spread the work out; Get-PinRateLimit shows what is left.")
            {
                Target = bucket.Name,
                RetryAt = retryAt,
            };
        }

        /// <summary>The bucket is paused after a 429 (Retry-After / X-RateLimit-Reset) for longer than this call may wait.</summary>
        public static PinterestAdsException Paused(LimiterBucket bucket, TimeSpan retryAfter, TimeSpan maxWait, DateTimeOffset now)
        {
            var retryAt = now + retryAfter;
            string message =
                $"Requests for {Describe(bucket)} are paused: Pinterest answered 429 and asked every worker sharing this budget to wait until {Durations.Instant(retryAt)}, " +
                $"in {Durations.Format(retryAfter)}, longer than this call may wait ({Durations.Format(maxWait)}). Nothing was sent.";
            return new PinterestAdsException(
                PausedId,
                FailureKind.LimitsExceeded,
                message,
                $"Run it again after {Durations.Instant(retryAt)}, or lower the request rate (-RequestsPerHour); Get-PinRateLimit shows the pause (PausedUntil).")
            {
                Target = bucket.Name,
                RetryAt = retryAt,
            };
        }

        public static PinterestAdsException RedisUnavailable(LimiterBucket bucket, string endpoints, string reason, Exception? inner, DateTimeOffset now) =>
            new PinterestAdsException(
                UnavailableId,
                FailureKind.LimitsExceeded,
                $"The request budget for {Describe(bucket)} is kept in Redis at {endpoints}, which is unreachable ({reason}), so it cannot be checked. " +
                "Nothing was sent to Pinterest. Start Redis or restore the network path to it; calls resume by themselves once it answers.",
                "Start Redis or restore the network path to it (PINTEREST_ADS_REDIS / Connect-PinterestAds -RedisConfiguration); calls resume by themselves once it answers.",
                inner)
            {
                Target = bucket.Name,
                RetryAt = now + TimeSpan.FromSeconds(1),
            };

        public static PinterestAdsException LocalStoreUnavailable(LimiterBucket bucket, string path, string reason, Exception? inner, DateTimeOffset now) =>
            new PinterestAdsException(
                UnavailableId,
                FailureKind.LimitsExceeded,
                $"The machine-local request budget for {Describe(bucket)} ({path}) could not be used ({reason}). Nothing was sent to Pinterest.",
                "Check that the folder is writable and not on a network share; another PinterestAds process may be stuck holding the file.",
                inner)
            {
                Target = bucket.Name,
                RetryAt = now + TimeSpan.FromSeconds(1),
            };
    }
}
