using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Http;

namespace PinterestAds.Core.Idempotency
{
    /// <summary>
    /// A write whose outcome is unknown, as a reconciler sees it: the request exactly as sent,
    /// when it was first sent on Pinterest's clock, and which entities are spoken for. An entity
    /// may be adopted only if it cannot be anyone else's: created after <see cref="SentAt"/>, not
    /// spoken for, and the only candidate.
    /// </summary>
    public sealed class UnknownWrite
    {
        private readonly ServerClock _clock;
        private readonly UnresolvedSend _sent;
        private readonly EntityClaims _claims;
        private readonly ISet<string> _excluded;

        internal UnknownWrite(ApiRequest request, ServerClock clock, UnresolvedSend sent, EntityClaims claims, ISet<string> excluded)
        {
            Request = request;
            _clock = clock;
            _sent = sent;
            _claims = claims;
            _excluded = excluded;
        }

        /// <summary>The write, exactly as it was sent (same body, same key).</summary>
        public ApiRequest Request { get; }

        public string Key => Request.IdempotencyKey ?? string.Empty;

        /// <summary>
        /// When the first send with an unknown outcome began, on Pinterest's clock. Read it after a
        /// read of your own: every answer's Date header sharpens the estimate.
        /// </summary>
        public ServerTimeRange SentAt => _clock.ToServer(_sent.At);

        /// <summary>Waits, on the session's clock (for a re-check that gives other writers time to record their claims).</summary>
        public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) => _clock.Time.Delay(delay, cancellationToken);

        /// <summary>
        /// Of <paramref name="entityIds"/>, those this write must not adopt: made by a write with
        /// another key (as the journal records), or excluded (the write's own re-sent result, when
        /// looking for a late duplicate). Null when the journal cannot be read: then nothing can be told apart.
        /// </summary>
        public async Task<ISet<string>?> SpokenForAsync(IEnumerable<string> entityIds, CancellationToken cancellationToken)
        {
            var ids = entityIds.ToArray();
            var others = await _claims.ClaimedByOthersAsync(ids, Key, cancellationToken).ConfigureAwait(false);
            others?.UnionWith(ids.Where(_excluded.Contains));
            return others;
        }
    }
}
