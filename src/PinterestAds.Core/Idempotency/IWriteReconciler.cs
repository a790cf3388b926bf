using System;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Http;

namespace PinterestAds.Core.Idempotency
{
    /// <summary>
    /// Finds out whether a write whose outcome is unknown happened after all. Pinterest ignores
    /// <c>Idempotency-Key</c>, so this is what keeps a retried create from making a duplicate:
    /// each resource supplies one (typically: list the parent's entities created since
    /// <c>sentAt</c> and match them by name and the other fields of the request).
    /// </summary>
    public interface IWriteReconciler
    {
        /// <param name="request">The write, exactly as it was sent (same body, same key).</param>
        /// <param name="sentAt">When the first send with an unknown outcome began; the entity, if any, is no older (allow for clock skew).</param>
        /// <param name="reader">For the reads the search needs; they take permits like any call.</param>
        Task<ReconcileResult> ReconcileAsync(ApiRequest request, DateTimeOffset sentAt, IApiReader reader, ICallObserver observer, CancellationToken cancellationToken);
    }
}
