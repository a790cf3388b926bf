using System;

namespace PinterestAds.Core.Idempotency
{
    /// <summary>What <see cref="IIdempotencyJournal.BeginAsync"/> found for a key.</summary>
    public enum JournalClaimStatus
    {
        /// <summary>The key was new; this call owns it and may send.</summary>
        Claimed,

        /// <summary>
        /// An earlier use of the key left an unknown outcome (it crashed, or lost its connection
        /// after sending); this call now owns it but must reconcile before sending.
        /// </summary>
        Recovered,

        /// <summary>The key already finished with this very request: replay <see cref="JournalClaim.ResponseBody"/>.</summary>
        Completed,

        /// <summary>The key was used for a different request.</summary>
        Mismatch,

        /// <summary>Another caller holds the key right now: its lease has not run out, and it is not a process on this machine that is gone.</summary>
        InProgress,
    }

    /// <summary>
    /// The answer of the journal for one key, and the token that proves ownership of it. Its instants
    /// are on the caller's clock, whatever clock the journal keeps (Redis's, on another machine).
    /// </summary>
    public sealed class JournalClaim
    {
        public JournalClaim(string key, string fingerprint, string owner, JournalClaimStatus status)
        {
            Key = key;
            Fingerprint = fingerprint;
            Owner = owner;
            Status = status;
        }

        public string Key { get; }

        public string Fingerprint { get; }

        /// <summary>Random per claim; completing or releasing checks it, so a caller whose lease ran out cannot overwrite its successor.</summary>
        public string Owner { get; }

        public JournalClaimStatus Status { get; }

        /// <summary>When the key was first used (the first send of an unknown outcome is no earlier).</summary>
        public DateTimeOffset? FirstUsedAt { get; set; }

        /// <summary>
        /// For <see cref="JournalClaimStatus.Recovered"/>: when the earlier owner was last known alive
        /// (its last heartbeat, or now when it was found dead). A send it made may land until a
        /// while after that. For <see cref="JournalClaimStatus.InProgress"/>: the holder's last
        /// renewal of its lease.
        /// </summary>
        public DateTimeOffset? LastAliveAt { get; set; }

        /// <summary>
        /// For <see cref="JournalClaimStatus.InProgress"/>: the holder and its last renewal as the journal
        /// wrote them. It changes whenever the holder renews its lease, or another run takes the key.
        /// </summary>
        public string? HolderMark { get; set; }

        /// <summary>When the journal lost its entries (Redis flushed or restarted empty), if it did lately: the claim is then Recovered.</summary>
        public DateTimeOffset? JournalLostAt { get; set; }

        /// <summary>Something the caller should be told about the journal (once per process), e.g. that Redis lost its data.</summary>
        public string? Warning { get; set; }

        /// <summary>For <see cref="JournalClaimStatus.InProgress"/>: when the other caller's lease runs out.</summary>
        public DateTimeOffset? LeaseUntil { get; set; }

        /// <summary>For <see cref="JournalClaimStatus.Completed"/>: the recorded HTTP status and body.</summary>
        public int ResponseStatus { get; set; }

        public byte[]? ResponseBody { get; set; }

        public DateTimeOffset? CompletedAt { get; set; }
    }
}
