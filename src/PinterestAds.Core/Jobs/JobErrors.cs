using System;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Jobs
{
    /// <summary>The errors of a job's state store. A Redis that cannot be reached is the documented quota error, as it is for the request budget.</summary>
    internal static class JobErrors
    {
        public const string UnavailableId = "jobStateUnavailable";

        /// <param name="store">"Redis at host:port" or "the state folder …".</param>
        /// <param name="kind">LimitsExceeded for Redis (fail closed, as the budget does); Connection for the state folder.</param>
        public static PinterestAdsException Unavailable(string job, string store, string reason, FailureKind kind, Exception? inner) =>
            new PinterestAdsException(
                UnavailableId,
                kind,
                $"The state of job '{job}' is kept in {store}, which is unreachable ({reason}), so the job stopped: an ad account whose state was not recorded keeps its watermark or snapshot, and the next run repeats it. " +
                (kind == FailureKind.LimitsExceeded
                    ? "Start Redis or restore the network path to it, then run the job again."
                    : "Check that the folder is writable (PINTEREST_ADS_STATE_DIRECTORY), then run the job again."),
                kind == FailureKind.LimitsExceeded
                    ? "Start Redis or restore the network path to it (PINTEREST_ADS_REDIS); the job is safe to run again."
                    : "Check that the state folder is writable and on a local disk; the job is safe to run again.",
                inner)
            {
                Target = job,
            };
    }
}
