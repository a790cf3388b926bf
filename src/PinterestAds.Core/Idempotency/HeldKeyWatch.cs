using System;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Http;
using PinterestAds.Core.Limiting;

namespace PinterestAds.Core.Idempotency
{
    /// <summary>
    /// A key another run holds. That run renews its lease every third of the lease while its write
    /// goes on (<see cref="Coordination.LeaseKeeper"/>); a run that crashed on another machine, whose process no
    /// one here can look at, just stops renewing. So the claim is watched for at most one lease:
    /// renewed, its holder is alive and keeps the key (the caller fails, as before); lapsed or
    /// finished, the key is the caller's, and a runbook re-run after a crash just works.
    /// </summary>
    internal static class HeldKeyWatch
    {
        /// <param name="held">The claim that found the key held (<see cref="JournalClaimStatus.InProgress"/>).</param>
        /// <param name="claimAgain">Asks the journal for the key again.</param>
        /// <returns>The last answer: still <see cref="JournalClaimStatus.InProgress"/> when the holder renewed its lease (or the watch ran out).</returns>
        public static async Task<JournalClaim> WatchAsync(JournalClaim held, TimeSpan lease, Func<Task<JournalClaim>> claimAgain, TimeProvider time, ApiRequest request, ICallObserver observer, CancellationToken cancellationToken)
        {
            var poll = TimeSpan.FromTicks(lease.Ticks / 15);
            var longest = lease + poll + poll;
            var until = time.GetUtcNow() + longest;
            string what = $"{request.Method} {request.DisplayPath}: the run holding Idempotency-Key '{request.IdempotencyKey}'";
            observer.Verbose(what + (held.LeaseUntil is DateTimeOffset lapse ? $" has a lease until {Durations.Instant(lapse)}" : " has a lease") +
                $"; watching it for up to {Durations.Format(longest)}: a run that is alive renews its lease and keeps the key, one that ended lets it lapse and this run takes the key over.");
            var claim = held;
            while (claim.Status == JournalClaimStatus.InProgress && claim.HolderMark == held.HolderMark && time.GetUtcNow() < until)
            {
                await time.Delay(poll, cancellationToken).ConfigureAwait(false);
                claim = await claimAgain().ConfigureAwait(false);
            }

            if (claim.Status == JournalClaimStatus.InProgress && claim.HolderMark != held.HolderMark)
            {
                observer.Verbose(what + " renewed its lease (or another run took the key over): the key is in use.");
            }

            return claim;
        }
    }
}
