using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;

namespace PinterestAds.Core.Limiting
{
    /// <summary>
    /// A limiter that can pause a bucket for everyone sharing it after Pinterest answers 429 (both
    /// limiters implement it): until the reset the server asked for, no permit is given.
    /// </summary>
    public interface IBudgetPause
    {
        /// <param name="headers">The 429's headers; <c>Retry-After</c> and <c>X-RateLimit-Reset</c> are read.</param>
        /// <returns>The end of the pause; null when the response asked for no wait.</returns>
        Task<DateTimeOffset?> PauseAfterRateLimitAsync(LimiterBucket bucket, IReadOnlyDictionary<string, string> headers, ICallObserver observer, CancellationToken cancellationToken);
    }
}
