using System;

namespace PinterestAds.Core.Idempotency
{
    public enum ReconcileOutcome
    {
        /// <summary>The write happened; <see cref="ReconcileResult.Body"/> is what its response would have been.</summary>
        Found,

        /// <summary>The write provably did not happen: it is safe to send again (with the same key).</summary>
        NotFound,

        /// <summary>Cannot tell: the caller gets an unknown-outcome error, nothing is re-sent.</summary>
        Unknown,
    }

    /// <summary>What a <see cref="IWriteReconciler"/> found.</summary>
    public sealed class ReconcileResult
    {
        private ReconcileResult(ReconcileOutcome outcome, byte[]? body, string? detail)
        {
            Outcome = outcome;
            Body = body;
            Detail = detail;
        }

        public ReconcileOutcome Outcome { get; }

        /// <summary>For <see cref="ReconcileOutcome.Found"/>: JSON equivalent to the write's own response (e.g. the batch shape <c>{"items":[{"data":…,"exceptions":null}]}</c>).</summary>
        public byte[]? Body { get; }

        /// <summary>A short explanation for the verbose stream or the error message.</summary>
        public string? Detail { get; }

        public static ReconcileResult Found(byte[] responseEquivalentJson, string? detail = null) =>
            new ReconcileResult(ReconcileOutcome.Found, responseEquivalentJson ?? throw new ArgumentNullException(nameof(responseEquivalentJson)), detail);

        public static ReconcileResult NotFound(string? detail = null) => new ReconcileResult(ReconcileOutcome.NotFound, null, detail);

        public static ReconcileResult Unknown(string reason) => new ReconcileResult(ReconcileOutcome.Unknown, null, reason);
    }
}
