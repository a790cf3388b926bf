using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;

namespace PinterestAds.Core.Http
{
    /// <summary>Supplies bearer tokens to the pipeline and renews them when Pinterest rejects one.</summary>
    public interface IAccessTokenSource
    {
        /// <summary>A token valid for a while yet; refreshes first when it is close to expiry.</summary>
        Task<string> GetAccessTokenAsync(ICallObserver observer, CancellationToken cancellationToken);

        /// <summary>
        /// Pinterest answered 401 to <paramref name="rejectedToken"/>. Returns true when a different
        /// token is now available to try once more; false when renewal is impossible.
        /// </summary>
        Task<bool> RenewAfterRejectionAsync(string rejectedToken, ICallObserver observer, CancellationToken cancellationToken);
    }
}
