using System;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Http;

namespace PinterestAds.Core.Resilience
{
    /// <summary>Exactly one attempt: for calls that must never repeat by themselves (the token refresh).</summary>
    public sealed class SingleAttempt : IAttemptStrategy
    {
        public static readonly SingleAttempt Instance = new SingleAttempt();

        private SingleAttempt()
        {
        }

        public Task<ApiResponse> ExecuteAsync(ApiRequest request, RepeatSafety safety, Func<int, CancellationToken, Task<ApiResponse>> attempt, ICallObserver observer, CancellationToken cancellationToken) =>
            attempt(1, cancellationToken);
    }
}
