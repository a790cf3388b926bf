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
        Task<ApiResponse> ExecuteAsync(
            ApiRequest request,
            Func<int, CancellationToken, Task<ApiResponse>> attempt,
            ICallObserver observer,
            CancellationToken cancellationToken);
    }
}
