using System;

namespace PinterestAds.Core.Idempotency
{
    /// <summary>When the first send of a write whose outcome is unknown began (on the session's clock), and how far that instant may be off.</summary>
    internal readonly struct UnresolvedSend
    {
        public UnresolvedSend(DateTimeOffset at, TimeSpan uncertainty)
        {
            At = at;
            Uncertainty = uncertainty;
        }

        public DateTimeOffset At { get; }

        /// <summary>Zero for a send of this run; a margin for an earlier run's, whose start the journal recorded on its own clock.</summary>
        public TimeSpan Uncertainty { get; }
    }
}
