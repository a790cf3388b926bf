using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using PinterestAds.Core.Idempotency;
using PinterestAds.Core.Json;

namespace PinterestAds.Core.Ads.Reconciliation
{
    /// <summary>
    /// Which listed entity each item of a lost create made, if any. An entity may be adopted only
    /// if it cannot be anyone else's: it was not made before the send (the caller listed only
    /// those), no write with another key claimed it, and it is the only candidate: items with
    /// identical bodies share their candidates, so k such items need exactly k. More or fewer
    /// (but some) is ambiguous, and ambiguity is never resolved by a guess.
    /// </summary>
    internal sealed class CandidateMatch
    {
        private readonly ICandidateRule _rule;
        private readonly JsonElement?[] _found;

        private CandidateMatch(ICandidateRule rule, JsonElement?[] found, string explanation, bool ambiguous)
        {
            _rule = rule;
            _found = found;
            Explanation = explanation;
            IsAmbiguous = ambiguous;
        }

        public bool IsAmbiguous { get; }

        /// <summary>What was found, for the verbose stream and the unknown-outcome error.</summary>
        public string Explanation { get; }

        /// <summary>Nothing can be told of the write's <paramref name="items"/>, for the reason given.</summary>
        public static CandidateMatch CannotTell(ICandidateRule rule, JsonElement[] items, string why) =>
            new CandidateMatch(rule, new JsonElement?[items.Length], why, ambiguous: true);

        /// <param name="spokenFor">Candidates that may not be adopted; null when the journal could not say.</param>
        public static CandidateMatch Of(ICandidateRule rule, UnknownWrite write, JsonElement[] items, IReadOnlyList<JsonElement> candidates, ISet<string>? spokenFor)
        {
            var found = new JsonElement?[items.Length];
            string since = write.SentAt.ToString();
            if (spokenFor is null)
            {
                return CannotTell(rule, items, $"the idempotency journal could not be read, so the {rule.Noun}s other writes made cannot be told from this one's");
            }

            var free = candidates.Where(c => !spokenFor.Contains(c.GetStringOrEmpty("id"))).OrderBy(c => c.GetInt64OrNull("created_time") ?? 0).ThenBy(c => c.GetStringOrEmpty("id"), IdOrder.Instance).ToList();
            foreach (var group in Enumerable.Range(0, items.Length).GroupBy(i => items[i].GetRawText(), StringComparer.Ordinal))
            {
                var indexes = group.ToArray();
                var matching = free.Where(c => rule.Matches(items[indexes[0]], c)).ToList();
                if (matching.Count == 0)
                {
                    continue;
                }

                if (matching.Count != indexes.Length || matching.Any(c => items.Where((item, i) => !indexes.Contains(i)).Any(other => rule.Matches(other, c))))
                {
                    string name = items[indexes[0]].GetStringOrNull("name") is string n ? $" '{n}'" : string.Empty;
                    return CannotTell(rule, items, $"{matching.Count} {rule.Noun}(s){name} created since {since} match {indexes.Length} item(s) and no other write claims them, so which (if any) this write made cannot be told");
                }

                for (int k = 0; k < indexes.Length; k++)
                {
                    found[indexes[k]] = matching[k];
                    free.Remove(matching[k]);
                }
            }

            int matched = found.Count(f => f.HasValue);
            int claimed = candidates.Count(c => spokenFor.Contains(c.GetStringOrEmpty("id")));
            return new CandidateMatch(
                rule,
                found,
                $"{matched} of {items.Length} {rule.Noun}(s) of the write were found among those created since {since}" +
                (claimed > 0 ? $" ({claimed} more that match were made by writes with other keys, as the journal records, or returned already)" : string.Empty),
                ambiguous: false);
        }

        /// <summary>For a batch create: the batch shape, one element per item (those not found carry an error).</summary>
        public ReconcileResult ToBatchResult()
        {
            if (IsAmbiguous)
            {
                return ReconcileResult.Unknown(Explanation);
            }

            return _found.Any(f => f.HasValue) ? ReconcileResult.Found(Synthesize(), Explanation) : ReconcileResult.NotFound(Explanation);
        }

        /// <summary>For a create of one entity: the entity itself, as the lost response would have been.</summary>
        public ReconcileResult ToEntityResult()
        {
            if (IsAmbiguous)
            {
                return ReconcileResult.Unknown(Explanation);
            }

            return _found.Length == 1 && _found[0] is JsonElement entity
                ? ReconcileResult.Found(System.Text.Encoding.UTF8.GetBytes(entity.GetRawText()), Explanation)
                : ReconcileResult.NotFound(Explanation);
        }

        /// <summary>The answer the lost response would have been: the batch shape, one element per item.</summary>
        private byte[] Synthesize()
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteStartArray("items");
                foreach (var entity in _found)
                {
                    writer.WriteStartObject();
                    if (entity is JsonElement data)
                    {
                        writer.WritePropertyName("data");
                        data.WriteTo(writer);
                        writer.WriteStartArray("exceptions");
                        writer.WriteEndArray();
                    }
                    else
                    {
                        writer.WriteNull("data");
                        writer.WriteStartArray("exceptions");
                        writer.WriteStartObject();
                        writer.WriteString("message", $"the response was lost and no matching {_rule.Noun} was created, so Pinterest most likely rejected this item; run the command again for it to see why");
                        writer.WriteEndObject();
                        writer.WriteEndArray();
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            return buffer.ToArray();
        }

        /// <summary>Pinterest ids are decimal numbers: shorter is older.</summary>
        private sealed class IdOrder : IComparer<string>
        {
            public static readonly IdOrder Instance = new IdOrder();

            public int Compare(string? x, string? y) =>
                (x?.Length ?? 0) != (y?.Length ?? 0) ? (x?.Length ?? 0).CompareTo(y?.Length ?? 0) : string.CompareOrdinal(x, y);
        }
    }
}
