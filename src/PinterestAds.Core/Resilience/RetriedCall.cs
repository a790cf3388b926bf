using System;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Http;

namespace PinterestAds.Core.Resilience
{
    /// <summary>
    /// One logical request while the retry pipeline runs it: how many attempts it made, and what
    /// <see cref="RetryPlanner"/> decided after the last one.
    /// </summary>
    internal sealed class RetriedCall
    {
        private readonly Func<int, CancellationToken, Task<ApiResponse>> _attempt;

        public RetriedCall(ApiRequest request, RepeatSafety safety, Func<int, CancellationToken, Task<ApiResponse>> attempt, ICallObserver observer, TimeProvider time)
        {
            Request = request;
            Safety = safety;
            _attempt = attempt;
            Observer = observer;
            Started = time.GetTimestamp();
        }

        public ApiRequest Request { get; }

        public RepeatSafety Safety { get; }

        public ICallObserver Observer { get; }

        /// <summary>A <see cref="TimeProvider.GetTimestamp"/> value: the total time limit counts from here.</summary>
        public long Started { get; }

        public int Attempts { get; private set; }

        /// <summary>The wait before the next attempt; null when there is none.</summary>
        public TimeSpan? NextDelay { get; set; }

        public string Reason { get; set; } = string.Empty;

        public string DelaySource { get; set; } = string.Empty;

        /// <summary>Why a rate-limited call stopped; null while it may go on.</summary>
        public QuotaVerdict? Quota { get; set; }

        public ValueTask<ApiResponse> RunAttemptAsync(CancellationToken cancellationToken)
        {
            Attempts++;
            return new ValueTask<ApiResponse>(_attempt(Attempts, cancellationToken));
        }
    }
}
