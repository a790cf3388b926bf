using PinterestAds.Core.Resilience;

namespace PinterestAds.Core.Idempotency
{
    /// <summary>
    /// How the pipeline may treat one write whose outcome is unknown (connection dropped after
    /// sending, timeout, 5xx). The default never re-sends: the caller gets a clear error.
    /// </summary>
    public sealed class WriteOptions
    {
        /// <summary>No reconciler, not repeatable: an unknown outcome is an error naming the key.</summary>
        public static WriteOptions Default => new WriteOptions();

        /// <summary>For PATCH of absolute values (updates, status changes): sending again changes nothing, so it is retried like a read.</summary>
        public static WriteOptions Repeatable => new WriteOptions { RepeatSafety = RepeatSafety.Repeatable };

        /// <summary>For creates: an unknown outcome is reconciled; re-sent (same key) only when the reconciler proves it did not happen.</summary>
        public static WriteOptions ReconcileWith(IWriteReconciler reconciler) => new WriteOptions { Reconciler = reconciler };

        public RepeatSafety RepeatSafety { get; set; } = RepeatSafety.NotRepeatable;

        public IWriteReconciler? Reconciler { get; set; }

        /// <summary>
        /// For a batch: how many items its answer must list. A 2xx that lists fewer, or whose body
        /// is not JSON, leaves the outcome unknown (reconciled, never journaled as done).
        /// </summary>
        public int? ExpectedItems { get; set; }

        /// <summary>How many times a write may be re-sent after reconciliations that found nothing.</summary>
        public int MaxResends { get; set; } = 2;
    }
}
