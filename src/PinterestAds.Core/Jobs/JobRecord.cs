using System;

namespace PinterestAds.Core.Jobs
{
    /// <summary>What a job last recorded for one ad account: when, and its state (a watermark, a snapshot) as text.</summary>
    internal sealed class JobRecord
    {
        public JobRecord(DateTimeOffset? completedAt, string? state)
        {
            CompletedAt = completedAt;
            State = state;
        }

        public static JobRecord None { get; } = new JobRecord(null, null);

        /// <summary>When a worker last finished the account, on the store's clock; null when none ever did.</summary>
        public DateTimeOffset? CompletedAt { get; }

        public string? State { get; }
    }
}
