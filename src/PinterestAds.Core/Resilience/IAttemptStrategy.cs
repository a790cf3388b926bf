using System;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Http;

namespace PinterestAds.Core.Resilience
{
    /// <summary>
    /// Decides how many attempts one logical request gets and how long to wait between them.
    /// Each attempt goes back through the transport, so it takes its own limiter permit and
    /// rebuilds its HttpRequestMessage from the buffered <see cref="ApiRequest"/>.
    /// </summary>
    public interface IAttemptStrategy
    {
        /// <param name="safety">
        /// Whether an attempt whose outcome is unknown may be repeated. The caller decides, not the
        /// HTTP method: a PATCH of absolute values is repeatable, a create is not.
        /// </param>
        Task<ApiResponse> ExecuteAsync(
            ApiRequest request,
            RepeatSafety safety,
            Func<int, CancellationToken, Task<ApiResponse>> attempt,
            ICallObserver observer,
            CancellationToken cancellationToken);
    }
}
