using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Ads.Reading;
using PinterestAds.Core.Ads.Reconciliation;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;
using PinterestAds.Core.Idempotency;
using PinterestAds.Core.Session;

namespace PinterestAds.Core.Ads.Batching
{
    /// <summary>
    /// Gathers the items of a pipeline per ad account and sends them as batches of up to 30 (one
    /// POST or PATCH each): a batch goes out when 30 are waiting, the rest when the pipeline ends.
    /// Outcomes are released in input order; an item Pinterest rejects fails alone.
    /// One writer serves campaigns, ad groups and ads, creates and updates; it is used from one
    /// thread at a time (one cmdlet's pipeline).
    /// </summary>
    public sealed class AdsBatchWriter<T>
        where T : AdsEntity
    {
        /// <summary>The spec's maxItems for every create and update array.</summary>
        public const int MaxItemsPerRequest = 30;

        private readonly PinterestAdsContext _context;
        private readonly AdsResource<T> _resource;
        private readonly WriteKind _kind;
        private readonly bool _wantResults;
        private readonly int _batchSize;
        private readonly Dictionary<PinterestId, List<(long Sequence, WriteItem Item)>> _waiting = new Dictionary<PinterestId, List<(long, WriteItem)>>();
        private readonly SortedDictionary<long, WriteOutcome<T>> _done = new SortedDictionary<long, WriteOutcome<T>>();
        private readonly HashSet<string> _madeIds = new HashSet<string>(StringComparer.Ordinal);
        private readonly CreateReconciler<T> _reconciler;
        private long _nextSequence;
        private long _nextRelease;
        private int _batches;

        /// <param name="wantResults">Parse returned entities (and look up the account currency); false when nothing is output.</param>
        public AdsBatchWriter(PinterestAdsContext context, AdsResource<T> resource, WriteKind kind, bool wantResults, int batchSize = MaxItemsPerRequest)
        {
            if (batchSize < 1 || batchSize > MaxItemsPerRequest)
            {
                throw new ArgumentOutOfRangeException(nameof(batchSize), $"A batch holds 1 to {MaxItemsPerRequest} items.");
            }

            _context = context;
            _resource = resource;
            _kind = kind;
            _wantResults = wantResults;
            _batchSize = batchSize;
            _reconciler = new CreateReconciler<T>(resource, _madeIds);
        }

        /// <summary>Queues <paramref name="item"/>; sends its account's batch when it is full. Returns the outcomes now due, in input order.</summary>
        public async Task<IReadOnlyList<WriteOutcome<T>>> AddAsync(WriteItem item, ICallObserver observer, CancellationToken cancellationToken)
        {
            if (!_waiting.TryGetValue(item.AdAccountId, out var batch))
            {
                _waiting[item.AdAccountId] = batch = new List<(long, WriteItem)>();
            }

            batch.Add((_nextSequence++, item));
            if (batch.Count >= _batchSize)
            {
                _waiting.Remove(item.AdAccountId);
                await SendBatchAsync(item.AdAccountId, batch, observer, cancellationToken).ConfigureAwait(false);
            }

            return Release();
        }

        /// <summary>Sends everything still waiting (end of the pipeline) and returns the remaining outcomes.</summary>
        public async Task<IReadOnlyList<WriteOutcome<T>>> CompleteAsync(ICallObserver observer, CancellationToken cancellationToken)
        {
            foreach (var pending in _waiting.OrderBy(w => w.Value[0].Sequence).ToArray())
            {
                _waiting.Remove(pending.Key);
                await SendBatchAsync(pending.Key, pending.Value, observer, cancellationToken).ConfigureAwait(false);
            }

            return Release();
        }

        private async Task SendBatchAsync(PinterestId adAccountId, List<(long Sequence, WriteItem Item)> batch, ICallObserver observer, CancellationToken cancellationToken)
        {
            var items = batch.Select(b => b.Item).ToArray();
            string verb = _kind == WriteKind.Create ? "create" : "update";
            string path = _resource.CollectionPath(adAccountId);
            var request = (_kind == WriteKind.Create ? ApiRequest.Post(path, _resource.Operation(verb)) : ApiRequest.Patch(path, _resource.Operation(verb)))
                .ForAdAccount(adAccountId.ToString())
                .WithIdempotencyKey(BatchKeys.For(items, ++_batches))
                .WithJsonBody(new JsonArray(items.Select(i => (JsonNode)i.Body.DeepClone()).ToArray()));
            observer.Verbose($"{request.Method} {request.DisplayPath}: {items.Length} {_resource.Noun}(s) in one request.");

            var results = await SendAsync(request, items.Length, observer, cancellationToken).ConfigureAwait(false);
            string? currency = _wantResults && results.Any(r => r.Data.HasValue)
                ? await AccountCurrencies.GetAsync(_context, adAccountId, observer, cancellationToken).ConfigureAwait(false)
                : null;
            for (int i = 0; i < batch.Count; i++)
            {
                T? entity = results[i].Data is System.Text.Json.JsonElement data ? _resource.Parse(data, adAccountId.ToString(), currency) : null;
                if (entity != null && entity.Id.Length > 0)
                {
                    _madeIds.Add(entity.Id);
                }

                _done[batch[i].Sequence] = new WriteOutcome<T>(batch[i].Item.Target, _wantResults ? entity : null, results[i].Error);
            }
        }

        /// <summary>
        /// One logical write through the request pipeline. An unknown outcome is never blindly
        /// repeated: a create is reconciled by <see cref="CreateReconciler{T}"/> (and sent again with
        /// the same key only when nothing was made); an update sets absolute values, so it is repeated.
        /// Whatever still fails becomes the error of every item of the batch.
        /// </summary>
        private async Task<ItemResult[]> SendAsync(ApiRequest request, int count, ICallObserver observer, CancellationToken cancellationToken)
        {
            var options = _kind == WriteKind.Create ? WriteOptions.ReconcileWith(_reconciler) : WriteOptions.Repeatable;
            options.ExpectedItems = count;
            try
            {
                var response = await _context.Pipeline.SendAsync(request, options, observer, cancellationToken).ConfigureAwait(false);
                return BatchResponse.Parse(request, response, count);
            }
            catch (PinterestAdsException ex) when (!IsFatal(ex))
            {
                return ItemResult.AllFailed(count, ex);
            }
        }

        /// <summary>Failures that end the command rather than one batch: no connection, no valid sign-in.</summary>
        private static bool IsFatal(PinterestAdsException exception) =>
            exception.Kind == FailureKind.NotConnected || exception.Kind == FailureKind.Authentication;

        private IReadOnlyList<WriteOutcome<T>> Release()
        {
            var due = new List<WriteOutcome<T>>();
            while (_done.TryGetValue(_nextRelease, out var outcome))
            {
                _done.Remove(_nextRelease++);
                due.Add(outcome);
            }

            return due;
        }
    }
}
