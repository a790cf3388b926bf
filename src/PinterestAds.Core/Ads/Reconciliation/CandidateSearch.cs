using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Idempotency;
using PinterestAds.Core.Json;

namespace PinterestAds.Core.Ads.Reconciliation
{
    /// <summary>
    /// The search every create reconciler runs: list the candidates, match them to the items sent
    /// (<see cref="CandidateMatch"/>), and when that is ambiguous, or the list could not be read far
    /// enough, look once more after a pause, in case another write is about to record its claim.
    /// Never a guess.
    /// </summary>
    internal static class CandidateSearch
    {
        /// <summary>How long an ambiguous match waits before looking again: a concurrent write's claim may land meanwhile.</summary>
        public static readonly TimeSpan RecheckDelay = TimeSpan.FromSeconds(2);

        /// <param name="list">Lists the entities that may be the write's: made since it was sent, and matching some item; says when it fell short.</param>
        /// <param name="taken">Ids this run already returned: never adopted again for another item.</param>
        public static async Task<CandidateMatch> FindAsync(
            UnknownWrite write,
            ICandidateRule rule,
            JsonElement[] items,
            ISet<string> taken,
            Func<CancellationToken, Task<CandidateList>> list,
            ICallObserver observer,
            CancellationToken cancellationToken)
        {
            string operation = write.Request.Operation;
            var match = await MatchAsync(write, rule, items, taken, await list(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            if (match.IsAmbiguous)
            {
                observer.Verbose($"{operation}: {match.Explanation}; looking again in {RecheckDelay.TotalSeconds:0} s, in case another write is about to claim its own.");
                await write.DelayAsync(RecheckDelay, cancellationToken).ConfigureAwait(false);
                match = await MatchAsync(write, rule, items, taken, await list(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            }

            observer.Verbose($"{operation}: {match.Explanation}.");
            return match;
        }

        private static async Task<CandidateMatch> MatchAsync(UnknownWrite write, ICandidateRule rule, JsonElement[] items, ISet<string> taken, CandidateList list, CancellationToken cancellationToken)
        {
            if (list.Incomplete is string why)
            {
                return CandidateMatch.CannotTell(rule, items, why);
            }

            var candidates = list.Candidates;
            var spokenFor = await write.SpokenForAsync(candidates.Select(c => c.GetStringOrEmpty("id")), cancellationToken).ConfigureAwait(false);
            spokenFor?.UnionWith(taken);
            return CandidateMatch.Of(rule, write, items, candidates, spokenFor);
        }
    }
}
