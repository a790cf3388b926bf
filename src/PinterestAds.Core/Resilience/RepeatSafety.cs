namespace PinterestAds.Core.Resilience
{
    /// <summary>Whether a request may simply be sent again when its outcome is unknown.</summary>
    public enum RepeatSafety
    {
        /// <summary>Reads, and writes of absolute values (PATCH): sending twice changes nothing.</summary>
        Repeatable,

        /// <summary>Creates and other writes: an unknown outcome (dropped connection after sending, timeout, 5xx) is returned to the caller to reconcile, never re-sent.</summary>
        NotRepeatable,
    }
}
