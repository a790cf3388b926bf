using System;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Http;

namespace PinterestAds.Core.Resilience
{
    /// <summary>Whether a request may simply be sent again when its outcome is unknown.</summary>
    public enum RepeatSafety
    {
        /// <summary>Reads, and writes of absolute values (PATCH): sending twice changes nothing.</summary>
        Repeatable,

        /// <summary>Creates and other writes: an unknown outcome (dropped connection after sending, timeout, 5xx) is returned to the caller to reconcile, never re-sent.</summary>
        NotRepeatable,
    }

    /// <summary>
    /// An attempt strategy told per call whether an unknown outcome may be retried. The plain
    /// <see cref="IAttemptStrategy.ExecuteAsync"/> treats reads as repeatable and writes as not.
    /// </summary>
    public interface IRepeatAwareAttemptStrategy : IAttemptStrategy
    {
        Task<ApiResponse> ExecuteAsync(
            ApiRequest request,
            RepeatSafety safety,
            Func<int, CancellationToken, Task<ApiResponse>> attempt,
            ICallObserver observer,
            CancellationToken cancellationToken);
    }
}
