using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Http;

namespace PinterestAds.Core.Idempotency
{
    /// <summary>
    /// Finds out whether a write whose outcome is unknown happened after all. Pinterest ignores
    /// <c>Idempotency-Key</c>, so this is what keeps a retried create from making a duplicate:
    /// each resource supplies one (typically: list the parent's entities created since the send
    /// and match them by name and the other fields of the request), and says which entities a
    /// known result made, so that no other write's reconciliation adopts them.
    /// </summary>
    public interface IWriteReconciler
    {
        /// <param name="reader">For the reads the search needs; they take permits like any call.</param>
        Task<ReconcileResult> ReconcileAsync(UnknownWrite write, IApiReader reader, ICallObserver observer, CancellationToken cancellationToken);

        /// <summary>The ids of the entities a successful answer (sent, replayed or reconciled) made.</summary>
        IReadOnlyList<string> MadeIds(ApiResponse response);

        /// <summary>A request that archives <paramref name="ids"/>, duplicates that <paramref name="write"/> made when an attempt landed late.</summary>
        ApiRequest ArchiveRequest(ApiRequest write, IReadOnlyList<string> ids);
    }
}
