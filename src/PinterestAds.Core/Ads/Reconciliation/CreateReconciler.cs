using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Ads.Values;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Http;
using PinterestAds.Core.Idempotency;
using PinterestAds.Core.Json;

namespace PinterestAds.Core.Ads.Reconciliation
{
    /// <summary>
    /// After a create batch whose outcome is unknown: lists the same parent's entities newest first
    /// (order=DESCENDING, every status) down to the send, judged on Pinterest's clock, and a minute
    /// past it (<see cref="ListedOutOfOrder"/>); it adopts for each item the one entity that cannot
    /// be anyone else's (see <see cref="CandidateSearch"/>).
    /// Nothing matching → NotFound, so the request is sent again with the same key; some items
    /// matching → Found, with an error for the others (they were most likely rejected); anything
    /// ambiguous, after one re-check → Unknown, never a guess.
    /// </summary>
    public sealed class CreateReconciler<T> : IWriteReconciler
        where T : AdsEntity
    {
        /// <summary>The most entities one reconcile reads before giving up on the rest.</summary>
        public const int MaxScanned = 1000;

        /// <summary>
        /// How far before the send the list is read: Pinterest lists by id, and creates that ran side by
        /// side may be listed out of the order of their created_time by the time a request takes.
        /// </summary>
        public static readonly TimeSpan ListedOutOfOrder = TimeSpan.FromMinutes(1);

        private readonly AdsResource<T> _resource;
        private readonly ISet<string> _taken;

        /// <param name="taken">Ids this run already returned: never adopted again for another item.</param>
        public CreateReconciler(AdsResource<T> resource, ISet<string>? taken = null)
        {
            _resource = resource;
            _taken = taken ?? new HashSet<string>(StringComparer.Ordinal);
        }

        public async Task<ReconcileResult> ReconcileAsync(UnknownWrite write, IApiReader reader, ICallObserver observer, CancellationToken cancellationToken)
        {
            var request = write.Request;
            JsonElement[] items;
            using (var document = JsonDocument.Parse(request.Body ?? Array.Empty<byte>()))
            {
                items = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray() : Array.Empty<JsonElement>();
            }

            if (!(request.AdAccountId is string account) || items.Length == 0)
            {
                return ReconcileResult.Unknown($"{request.DisplayPath} is not a create of {_resource.Collection} this reconciler understands.");
            }

            // The module built the request, so its account id was checked when it was.
            var adAccountId = PinterestId.Parse(nameof(request.AdAccountId), account);
            var match = await CandidateSearch.FindAsync(write, _resource, items, _taken, ct => ListCandidatesAsync(reader, write, adAccountId, items, observer, ct), observer, cancellationToken).ConfigureAwait(false);
            return match.ToBatchResult();
        }

        public IReadOnlyList<string> MadeIds(ApiResponse response)
        {
            using var document = response.TryParseJson(out _);
            if (document?.RootElement is not { ValueKind: JsonValueKind.Object } root || !root.TryGetProperty("items", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return Array.Empty<string>();
            }

            return list.EnumerateArray()
                .Select(item => item.ValueKind == JsonValueKind.Object && item.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object ? data.GetStringOrEmpty("id") : string.Empty)
                .Where(id => id.Length > 0)
                .ToArray();
        }

        public ApiRequest ArchiveRequest(ApiRequest write, IReadOnlyList<string> ids)
        {
            var adAccountId = PinterestId.Parse(nameof(write.AdAccountId), write.AdAccountId ?? throw new ArgumentException("The write names no ad account.", nameof(write)));
            var items = new JsonArray(ids.Select(id => (JsonNode)_resource.StatusBody(adAccountId, PinterestId.Parse("id", id), "ARCHIVED")).ToArray());
            return ApiRequest.Patch(_resource.CollectionPath(adAccountId), _resource.Operation("update"))
                .ForAdAccount(adAccountId.ToString())
                .WithJsonBody(items);
        }

        /// <summary>
        /// The listed entities that match some item and were not provably created before the send,
        /// cut short when the list could not be read far enough to hold every entity made since the send.
        /// </summary>
        private async Task<CandidateList> ListCandidatesAsync(IApiReader reader, UnknownWrite write, PinterestId adAccountId, JsonElement[] items, ICallObserver observer, CancellationToken cancellationToken)
        {
            var parents = _resource.ParentField is string parentField
                ? items.Select(i => i.GetStringOrNull(parentField)).Where(p => p != null).Select(p => p!).Distinct(StringComparer.Ordinal).ToArray()
                : Array.Empty<string>();
            var list = ApiRequest.Get(_resource.CollectionPath(adAccountId), _resource.Operation("list"))
                .ForAdAccount(adAccountId.ToString())
                .WithQueryValues(_resource.ParentField + "s", parents)
                .WithQueryValues("entity_statuses", SpecValues.EntityStatuses.ToArray())
                .WithQuery("order", "DESCENDING");
            var candidates = new List<JsonElement>();
            long? sent = null;
            int scanned = 0;
            await foreach (var candidate in reader.ListAsync(list, Paginator.MaxPageSize, observer, cancellationToken).ConfigureAwait(false))
            {
                // Read once the first page is in: its Date header is the freshest measure of Pinterest's clock.
                sent ??= write.SentAt.Earliest.ToUnixTimeSeconds();

                // created_time is whole seconds: an entity of second s was made before the send only if s + 1 <= the earliest send second.
                // Such entities are skipped, and the list is read on past them: it is ordered by id, and an id and a
                // created_time are taken at different moments, so creates running side by side may list a little out of order.
                if (candidate.GetInt64OrNull("created_time") is long created && created + 1 <= sent)
                {
                    if (created + 1 + (long)ListedOutOfOrder.TotalSeconds <= sent)
                    {
                        return CandidateList.Complete(candidates);
                    }
                }
                else if (items.Any(item => ((ICandidateRule)_resource).Matches(item, candidate)) && candidate.GetStringOrEmpty("id").Length > 0)
                {
                    candidates.Add(candidate);
                }

                if (++scanned >= MaxScanned)
                {
                    return CandidateList.CutShort(candidates, $"the {MaxScanned} newest {_resource.Noun}s listed were all made around or after the send ({write.SentAt}) and one look reads no more, so whether this write made one cannot be told");
                }
            }

            return CandidateList.Complete(candidates);
        }
    }
}
