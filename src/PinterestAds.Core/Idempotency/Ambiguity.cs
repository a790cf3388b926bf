using System;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;

namespace PinterestAds.Core.Idempotency
{
    /// <summary>Why a write's outcome is unknown: for the verbose note while reconciling, and for the error that ends the call.</summary>
    internal sealed class Ambiguity
    {
        private Ambiguity(FailureKind kind, string cause, string note, Exception? inner = null, int? status = null, string? requestId = null, bool mayStillLand = false)
        {
            Kind = kind;
            Cause = cause;
            Note = note;
            Inner = inner;
            Status = status;
            RequestId = requestId;
            MayStillLand = mayStillLand;
        }

        /// <summary>
        /// Pinterest may still be working on the write: the client gave up waiting (a timeout) or a
        /// gateway did (504). Its outcome then stays unknown for a settling period before anyone looks.
        /// </summary>
        public bool MayStillLand { get; }

        public FailureKind Kind { get; }

        /// <summary>For the error: "it was sent but Pinterest did not answer in time (…)".</summary>
        public string Cause { get; }

        /// <summary>For the verbose stream, when the pipeline goes on to reconcile.</summary>
        public string Note { get; }

        public Exception? Inner { get; }

        public int? Status { get; }

        public string? RequestId { get; }

        /// <summary>408 and 5xx: Pinterest may have made the change before failing to answer.</summary>
        public static bool IsAmbiguous(ApiResponse response) => response.StatusCode == 408 || response.StatusCode >= 500;

        public static Ambiguity From(ApiTransportException ex)
        {
            string message = ex.Message.TrimEnd('.');
            string note = message + "; the write may have reached Pinterest.";
            return ex.IsTimeout
                ? new Ambiguity(FailureKind.OperationTimeout, "it was sent but Pinterest did not answer in time (" + message + ")", note, ex, mayStillLand: true)
                : new Ambiguity(FailureKind.Connection, "the connection dropped after the request was sent (" + message + ")", note, ex);
        }

        public static Ambiguity From(ApiResponse response)
        {
            var (_, message) = ApiErrorMapper.ReadErrorBody(response);
            string cause = $"Pinterest answered {response.StatusCode}" + (message is null ? string.Empty : ": " + message.TrimEnd('.'));
            string note = $"Pinterest answered {response.StatusCode}; the write may or may not have happened.";
            var kind = response.StatusCode == 408 || response.StatusCode == 504 ? FailureKind.OperationTimeout : FailureKind.Server;
            return new Ambiguity(kind, cause, note, status: response.StatusCode, requestId: response.RequestId, mayStillLand: response.StatusCode == 504);
        }

        /// <summary>Pinterest answered 2xx, but with a body that cannot be read: whatever it did is unknown.</summary>
        public static Ambiguity Unreadable(ApiResponse response, string problem)
        {
            string cause = $"Pinterest answered {response.StatusCode} with a body that cannot be read ({problem}): {InvalidResponse.Excerpt(response.Body)}";
            string note = $"Pinterest answered {response.StatusCode} with a body that cannot be read ({problem}); the write may or may not have happened.";
            return new Ambiguity(FailureKind.InvalidResult, cause, note, status: response.StatusCode, requestId: response.RequestId);
        }

        /// <summary>The journal says an earlier run lost track of this write; this run has not sent it yet.</summary>
        public static Ambiguity Earlier() =>
            new Ambiguity(FailureKind.Connection, "an earlier run with this key ended before its outcome was known", string.Empty);

        public PinterestAdsException ToError(ApiRequest request, string key, bool hasReconciler, string? detail = null) =>
            IdempotencyErrors.OutcomeUnknown(request, key, Kind, Cause + (string.IsNullOrEmpty(detail) ? string.Empty : "; " + detail), hasReconciler, Inner, Status, RequestId);
    }
}
