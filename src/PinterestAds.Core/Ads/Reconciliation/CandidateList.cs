using System.Collections.Generic;
using System.Text.Json;

namespace PinterestAds.Core.Ads.Reconciliation
{
    /// <summary>
    /// What one look at Pinterest's list found: the entities that may be a lost create's, and, when
    /// the look could not read far enough to hold every entity made since the send, why. A list
    /// that is not complete proves nothing either way: its absence of a match is no "not found",
    /// and its one match may have a twin further on.
    /// </summary>
    internal sealed class CandidateList
    {
        private CandidateList(IReadOnlyList<JsonElement> candidates, string? incomplete)
        {
            Candidates = candidates;
            Incomplete = incomplete;
        }

        public IReadOnlyList<JsonElement> Candidates { get; }

        /// <summary>Why the look fell short, for the unknown-outcome error; null when it read all it had to.</summary>
        public string? Incomplete { get; }

        public static CandidateList Complete(IReadOnlyList<JsonElement> candidates) => new CandidateList(candidates, null);

        public static CandidateList CutShort(IReadOnlyList<JsonElement> candidates, string why) => new CandidateList(candidates, why);
    }
}
