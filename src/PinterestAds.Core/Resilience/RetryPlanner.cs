using Polly;
using PinterestAds.Core.Http;
using PinterestAds.Core.Limiting;

namespace PinterestAds.Core.Resilience
{
    /// <summary>
    /// Decides after each attempt whether the call goes on: the outcome must be retryable
    /// (<see cref="RetryableOutcome"/>), and the wait (<see cref="RetryDelays"/>) must fit within the
    /// attempt and total-time bounds of <see cref="RetryOptions"/>. When a rate-limited call stops,
    /// the planner records why, so the quota error can say when to come back.
    /// </summary>
    internal sealed class RetryPlanner
    {
        private readonly RetryOptions _options;
        private readonly RetryDelays _delays;

        public RetryPlanner(RetryOptions options)
        {
            _options = options;
            _delays = new RetryDelays(options);
        }

        /// <summary>True when the call is retried; the wait, the reason and its source are then on <paramref name="call"/>.</summary>
        public bool Plan(RetriedCall call, Outcome<ApiResponse> outcome)
        {
            call.NextDelay = null;
            call.Quota = null;
            if (RetryableOutcome.Classify(outcome, call.Safety) is not RetryCause cause)
            {
                return false;
            }

            var delay = _delays.Before(cause, call.Attempts);
            if (delay.ExceedsMaxWait)
            {
                call.Quota = new QuotaVerdict(delay.Wait, delay.Source, $"longer than this call may wait ({Durations.Format(_options.MaxWait)}); it was not retried");
                return false;
            }

            call.Reason = cause.Reason;
            call.DelaySource = delay.Source;
            if (call.Attempts >= _options.MaxAttempts)
            {
                call.Quota = new QuotaVerdict(delay.Wait, delay.Source, $"still rate limited after {call.Attempts} attempt{(call.Attempts == 1 ? string.Empty : "s")}");
                return false;
            }

            var elapsed = _options.TimeProvider.GetElapsedTime(call.Started);
            if (elapsed + delay.Wait > _options.MaxTotalTime)
            {
                call.Quota = new QuotaVerdict(delay.Wait, delay.Source, $"waiting would take the call past its time limit ({Durations.Format(_options.MaxTotalTime)})");
                return false;
            }

            call.NextDelay = delay.Wait;
            return true;
        }
    }
}
