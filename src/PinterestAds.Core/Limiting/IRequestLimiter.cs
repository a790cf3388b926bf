using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;

namespace PinterestAds.Core.Limiting
{
    /// <summary>
    /// Hands out one permit per HTTP attempt from the shared request budget. Throws a
    /// <see cref="Errors.PinterestAdsException"/> of kind LimitsExceeded when no permit frees up
    /// within the caller's maximum wait, or when the budget store is unreachable (fail closed).
    /// </summary>
    public interface IRequestLimiter
    {
        /// <param name="bucket">Whose budget the attempt spends.</param>
        /// <param name="attemptId">Unique per attempt; repeating a store call with it never charges twice.</param>
        Task AcquireAsync(LimiterBucket bucket, string attemptId, ICallObserver observer, CancellationToken cancellationToken);
    }
}
