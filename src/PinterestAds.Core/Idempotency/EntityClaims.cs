using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Coordination;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Http;

namespace PinterestAds.Core.Idempotency
{
    /// <summary>
    /// Which key made which entity, through the journal: recorded after every write whose result
    /// is known, read when a reconciliation must not adopt an entity another write made. Without a
    /// journal nothing is recorded and nothing is known to be claimed.
    /// </summary>
    internal sealed class EntityClaims
    {
        private readonly IIdempotencyJournal? _journal;
        private readonly Uri _apiBaseUri;
        private readonly string _clientId;

        public EntityClaims(IIdempotencyJournal? journal, Uri apiBaseUri, string clientId)
        {
            _journal = journal;
            _apiBaseUri = apiBaseUri;
            _clientId = clientId;
        }

        /// <summary>Claims what <paramref name="request"/>'s write made for its key. The result stands either way: a journal failure only warns.</summary>
        public async Task RecordAsync(ApiRequest request, IEnumerable<string> entityIds, ICallObserver observer)
        {
            var names = entityIds.Select(EntityKey).ToArray();
            if (_journal is null || names.Length == 0)
            {
                return;
            }

            try
            {
                await _journal.ClaimEntitiesAsync(names, request.IdempotencyKey!, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisUnavailableException || ex is System.IO.IOException || ex is UnauthorizedAccessException)
            {
                observer.Warning($"{request.Method} {request.DisplayPath}: could not record in the journal which entities Idempotency-Key '{request.IdempotencyKey}' made ({ex.Message}); " +
                    "a reconciliation of another write may then be unable to tell them from its own and report an unknown outcome instead.");
            }
        }

        /// <summary>The ids among <paramref name="entityIds"/> that a write with another key made; null when the journal cannot be read.</summary>
        public async Task<ISet<string>?> ClaimedByOthersAsync(IEnumerable<string> entityIds, string key, CancellationToken cancellationToken)
        {
            var byName = entityIds.Distinct(StringComparer.Ordinal).ToDictionary(EntityKey, id => id, StringComparer.Ordinal);
            var others = new HashSet<string>(StringComparer.Ordinal);
            if (_journal is null || byName.Count == 0)
            {
                return others;
            }

            IReadOnlyDictionary<string, string> claimants;
            try
            {
                claimants = await _journal.ClaimantsAsync(byName.Keys.ToArray(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is RedisUnavailableException || ex is System.IO.IOException || ex is UnauthorizedAccessException)
            {
                return null;
            }

            foreach (var claimant in claimants)
            {
                if (!string.Equals(claimant.Value, key, StringComparison.Ordinal))
                {
                    others.Add(byName[claimant.Key]);
                }
            }

            return others;
        }

        private string EntityKey(string entityId) => IdempotencyKeys.EntityKey(_apiBaseUri, _clientId, entityId);
    }
}
