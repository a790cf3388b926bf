using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Resilience;

namespace PinterestAds.Core.Http
{
    /// <summary>
    /// Sends one request the way every call is sent: with a bearer token, through the attempt
    /// strategy (each attempt with its own permit), renewing the token once after a 401. It is
    /// the layer below request coordination, and it never calls back up: the read path and the
    /// write layer both send through it.
    /// </summary>
    public interface IAttemptSender
    {
        /// <returns>Whatever Pinterest answered last, success or not (a final 429 is a quota error).</returns>
        /// <exception cref="ApiTransportException">No answer came (timeout, connection refused or dropped).</exception>
        Task<ApiResponse> SendAsync(ApiRequest request, RepeatSafety safety, ICallObserver observer, CancellationToken cancellationToken);
    }
}
