using System;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;
using PinterestAds.Core.Limiting;

namespace PinterestAds.Core.Idempotency
{
    /// <summary>The errors of the write path. Each names the idempotency key, so a runbook author can act on it.</summary>
    public static class IdempotencyErrors
    {
        public const string KeyReusedId = "idempotencyKeyReused";
        public const string InProgressId = "idempotencyKeyInProgress";
        public const string OutcomeUnknownId = "writeOutcomeUnknown";
        public const string JournalUnavailableId = "idempotencyJournalUnavailable";

        public static PinterestAdsException KeyReused(ApiRequest request, string key, DateTimeOffset? firstUsedAt) =>
            new PinterestAdsException(
                KeyReusedId,
                FailureKind.InvalidArgument,
                $"Pinterest Ads {request.Operation}: Idempotency-Key '{key}' was already used" + (firstUsedAt is DateTimeOffset at ? $" at {Durations.Instant(at)}" : string.Empty) +
                " for a different request (method, path or body differ). Nothing was sent.",
                "A key names one logical write: pass a new -IdempotencyKey for a different change, or the original parameters to get the first result back.")
            {
                Target = key,
            };

        public static PinterestAdsException InProgress(ApiRequest request, string key, DateTimeOffset? firstUsedAt, DateTimeOffset? leaseUntil) =>
            new PinterestAdsException(
                InProgressId,
                FailureKind.Conflict,
                $"Pinterest Ads {request.Operation}: a write with Idempotency-Key '{key}' is already in progress elsewhere" +
                (firstUsedAt is DateTimeOffset at ? $" (started {Durations.Instant(at)})" : string.Empty) + ". Nothing was sent.",
                leaseUntil is DateTimeOffset until
                    ? $"Wait for the other run to finish, then run this again (after {Durations.Instant(until)} at the latest) to get its result."
                    : "Wait for the other run to finish, then run this again to get its result.")
            {
                Target = key,
                RetryAt = leaseUntil,
            };

        /// <param name="cause">What happened, e.g. "the connection dropped after the request was sent".</param>
        public static PinterestAdsException OutcomeUnknown(ApiRequest request, string key, FailureKind kind, string cause, bool hasReconciler, Exception? inner = null, int? httpStatus = null, string? requestId = null) =>
            new PinterestAdsException(
                OutcomeUnknownId,
                kind,
                $"Pinterest Ads {request.Operation}: {request.Method} {request.DisplayPath} may or may not have happened — {cause}. " +
                $"It was not sent again: Pinterest ignores Idempotency-Key, so a second request could duplicate it" +
                (hasReconciler ? " and the check for its result was inconclusive" : string.Empty) + $". Idempotency-Key: {key}.",
                "Check in Pinterest whether the change was made before running the command again; if it was not, run it again (with a new -IdempotencyKey if you passed one).",
                inner)
            {
                Target = key,
                HttpStatus = httpStatus,
                RequestId = requestId,
            };

        /// <param name="kind">LimitsExceeded for a journal in Redis: every Redis outage is the documented quota error.</param>
        public static PinterestAdsException JournalUnavailable(ApiRequest request, string key, string store, string reason, FailureKind kind, Exception? inner) =>
            new PinterestAdsException(
                JournalUnavailableId,
                kind,
                $"Pinterest Ads {request.Operation}: the idempotency journal ({store}) is unavailable ({reason}), so Idempotency-Key '{key}' cannot be checked. Nothing was sent; " +
                "run it again with the same key once the journal answers.",
                kind == FailureKind.LimitsExceeded
                    ? "Start Redis or restore the network path to it (PINTEREST_ADS_REDIS); the write is safe to run again with the same key once it answers."
                    : "Check that the state folder (PINTEREST_ADS_STATE_DIRECTORY) is writable; the write is safe to run again with the same key.",
                inner)
            {
                Target = key,
            };
    }
}
