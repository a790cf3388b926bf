using System;

namespace PinterestAds.Core.Idempotency
{
    /// <summary>When the first send of a write whose outcome is unknown began, on the session's clock (no later than it did).</summary>
    internal readonly struct UnresolvedSend
    {
        public UnresolvedSend(DateTimeOffset at, DateTimeOffset? earlierRunAlive = null)
        {
            At = at;
            EarlierRunAlive = earlierRunAlive;
        }

        public DateTimeOffset At { get; }

        /// <summary>For an earlier run's send: when that run was last known alive. A send it had under way may land until a while after.</summary>
        public DateTimeOffset? EarlierRunAlive { get; }
    }
}
