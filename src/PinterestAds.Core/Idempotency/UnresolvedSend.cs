using System;

namespace PinterestAds.Core.Idempotency
{
    /// <summary>When the first send of a write whose outcome is unknown began (on the session's clock), and how far that instant may be off.</summary>
    internal readonly struct UnresolvedSend
    {
        public UnresolvedSend(DateTimeOffset at, TimeSpan uncertainty, DateTimeOffset? earlierRunAlive = null)
        {
            At = at;
            Uncertainty = uncertainty;
            EarlierRunAlive = earlierRunAlive;
        }

        public DateTimeOffset At { get; }

        /// <summary>Zero for a send of this run; a margin for an earlier run's, whose start the journal recorded on its own clock.</summary>
        public TimeSpan Uncertainty { get; }

        /// <summary>For an earlier run's send: when that run was last known alive. A send it had under way may land until a while after.</summary>
        public DateTimeOffset? EarlierRunAlive { get; }
    }
}
