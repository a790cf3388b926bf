using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Http;
using PinterestAds.Core.Idempotency;
using PinterestAds.Core.Json;

namespace PinterestAds.Core.Ads.Reconciliation
{
    /// <summary>
    /// After a create of one pin or board whose outcome is unknown: reads the list that would hold
    /// it and adopts the one entity created since the send (on Pinterest's clock, by its
    /// <c>created_at</c>) that matches what was sent and that no other write claims (see
    /// <see cref="CandidateSearch"/>). None → NotFound, so the create is sent again with the same
    /// key; anything unclear → Unknown. These lists have no documented order, so every page is
    /// read, up to <see cref="MaxScanned"/> entities; past that, the look proves nothing either way.
    /// </summary>
    internal sealed class EntityCreateReconciler : IWriteReconciler
    {
        public const int MaxScanned = 5000;

        private readonly IEntityCreate _kind;
        private readonly ISet<string> _taken;

        /// <param name="taken">Ids this run already returned: never adopted for another create.</param>
        public EntityCreateReconciler(IEntityCreate kind, ISet<string>? taken = null)
        {
            _kind = kind;
            _taken = taken ?? new HashSet<string>(StringComparer.Ordinal);
        }

        public async Task<ReconcileResult> ReconcileAsync(UnknownWrite write, IApiReader reader, ICallObserver observer, CancellationToken cancellationToken)
        {
            JsonElement sent;
            using (var document = JsonDocument.Parse(write.Request.Body ?? Array.Empty<byte>()))
            {
                sent = document.RootElement.Clone();
            }

            var match = await CandidateSearch.FindAsync(write, _kind, new[] { sent }, _taken, ct => ListAsync(reader, write, sent, observer, ct), observer, cancellationToken).ConfigureAwait(false);
            return match.ToEntityResult();
        }

        public IReadOnlyList<string> MadeIds(ApiResponse response)
        {
            using var document = response.TryParseJson(out _);
            return document?.RootElement.GetStringOrNull("id") is string id && id.Length > 0 ? new[] { id } : Array.Empty<string>();
        }

        public ApiRequest ArchiveRequest(ApiRequest write, IReadOnlyList<string> ids) =>
            ids.Count == 1 ? _kind.Remove(write, ids[0]) : throw new ArgumentException($"A create of one {_kind.Noun} makes one; {ids.Count} ids were given.", nameof(ids));

        /// <summary>The listed entities made since the send that match what was sent, cut short past <see cref="MaxScanned"/>.</summary>
        private async Task<CandidateList> ListAsync(IApiReader reader, UnknownWrite write, JsonElement sent, ICallObserver observer, CancellationToken cancellationToken)
        {
            var candidates = new List<JsonElement>();
            DateTimeOffset? cutoff = null;
            int scanned = 0;
            await foreach (var entity in reader.ListAsync(_kind.Candidates(write.Request, sent), Paginator.MaxPageSize, observer, cancellationToken).ConfigureAwait(false))
            {
                if (++scanned > MaxScanned)
                {
                    return CandidateList.CutShort(candidates, $"more than {MaxScanned} {_kind.Noun}s had to be searched, so whether this write made one cannot be told");
                }

                // Read once the first page is in: its Date header is the freshest measure of Pinterest's clock.
                // created_at is whole seconds: an entity of second s was made before the send only if s + 1 <= the earliest send time.
                cutoff ??= write.SentAt.Earliest;
                if (entity.GetUtcDateTimeOrNull("created_at") is DateTime created && new DateTimeOffset(created).AddSeconds(1) <= cutoff)
                {
                    continue;
                }

                if (entity.GetStringOrEmpty("id").Length > 0 && _kind.Matches(sent, entity))
                {
                    candidates.Add(entity);
                }
            }

            return CandidateList.Complete(candidates);
        }
    }
}
