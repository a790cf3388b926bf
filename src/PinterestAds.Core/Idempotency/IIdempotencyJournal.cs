using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Http;

namespace PinterestAds.Core.Idempotency
{
    /// <summary>
    /// Remembers caller-supplied idempotency keys, the fingerprint of their request and their
    /// result, so a re-run runbook gets the first result back instead of writing twice; and which
    /// key made each entity, so reconciling one write never adopts another's. Kept in Redis when
    /// configured (shared by every machine), else in files on this machine.
    /// </summary>
    public interface IIdempotencyJournal
    {
        /// <summary>Where entries live, for messages: <c>Redis host:port</c> or a folder.</summary>
        string Description { get; }

        /// <summary>How long a claim lasts unless renewed (<see cref="RenewAsync"/>): a crashed owner's key is recoverable after it.</summary>
        TimeSpan Lease { get; }

        /// <summary>Atomically claims <paramref name="key"/> for a request, or reports what an earlier use left.</summary>
        /// <param name="key">The journal key: the caller's key scoped to the API and the app (<see cref="IdempotencyKeys.JournalKey"/>).</param>
        Task<JournalClaim> BeginAsync(string key, string fingerprint, CancellationToken cancellationToken);

        /// <summary>Extends the claim's lease while its write runs; false when the claim is no longer this caller's.</summary>
        Task<bool> RenewAsync(JournalClaim claim, CancellationToken cancellationToken);

        /// <summary>Records the successful result, for replay.</summary>
        Task CompleteAsync(JournalClaim claim, ApiResponse response, CancellationToken cancellationToken);

        /// <summary>The write may or may not have happened: a later use of the key must reconcile first.</summary>
        Task MarkUnknownAsync(JournalClaim claim, CancellationToken cancellationToken);

        /// <summary>The write provably did not happen (rejected, not sent): forget the key so it can be used again.</summary>
        Task ReleaseAsync(JournalClaim claim, CancellationToken cancellationToken);

        /// <summary>Records that the write sent with <paramref name="key"/> made these entities (for the retention).</summary>
        /// <param name="entityKeys">The entities, scoped to the API and the app (<see cref="IdempotencyKeys.EntityKey"/>).</param>
        Task ClaimEntitiesAsync(IReadOnlyCollection<string> entityKeys, string key, CancellationToken cancellationToken);

        /// <summary>Which of these entities a write has claimed, and its key; entities nobody claimed are absent.</summary>
        Task<IReadOnlyDictionary<string, string>> ClaimantsAsync(IReadOnlyCollection<string> entityKeys, CancellationToken cancellationToken);
    }
}
