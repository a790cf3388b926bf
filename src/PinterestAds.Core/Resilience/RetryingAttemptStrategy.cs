using System;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Http;
using PinterestAds.Core.Limiting;
using Polly;
using Polly.Retry;

namespace PinterestAds.Core.Resilience
{
    /// <summary>
    /// The attempt strategy of every API call: a Polly v8 retry pipeline.
    /// <list type="bullet">
    /// <item>429 is retried (reads and writes: the limiter rejected the call before it was
    /// processed) after the wait <c>Retry-After</c> / <c>X-RateLimit-Reset</c> ask for, or after
    /// exponential backoff with jitter when they ask nothing. A wait longer than
    /// <see cref="RetryOptions.MaxWait"/> is an immediate quota error carrying the reset time.</item>
    /// <item>Repeatable requests (reads, PATCH of absolute values) are also retried on 408/5xx,
    /// timeouts and dropped connections.</item>
    /// <item>Other writes are retried only when the request provably never left (connection
    /// refused); an unknown outcome goes back to the pipeline, which reconciles.</item>
    /// </list>
    /// Every attempt goes back through the transport, so it takes its own permit and rebuilds its
    /// message. Attempts and total time are bounded; every wait is announced with its reason.
    /// Polly only runs the loop: what is retried and how long to wait is <see cref="RetryPlanner"/>'s.
    /// </summary>
    public sealed class RetryingAttemptStrategy : IAttemptStrategy
    {
        private static readonly ResiliencePropertyKey<RetriedCall> CallKey = new ResiliencePropertyKey<RetriedCall>("PinterestAds.Call");

        private readonly RetryOptions _options;
        private readonly RetryPlanner _planner;
        private readonly ResiliencePipeline<ApiResponse> _pipeline;

        public RetryingAttemptStrategy(RetryOptions options)
        {
            if (options.MaxAttempts < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(options), "MaxAttempts must be at least 1.");
            }

            _options = options;
            _planner = new RetryPlanner(options);
            _pipeline = BuildPipeline();
        }

        public async Task<ApiResponse> ExecuteAsync(ApiRequest request, RepeatSafety safety, Func<int, CancellationToken, Task<ApiResponse>> attempt, ICallObserver observer, CancellationToken cancellationToken)
        {
            var call = new RetriedCall(request, safety, attempt, observer, _options.TimeProvider);
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            ApiResponse response;
            try
            {
                context.Properties.Set(CallKey, call);
                response = await _pipeline.ExecuteAsync(static (ctx, c) => c.RunAttemptAsync(ctx.CancellationToken), context, call).ConfigureAwait(false);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }

            if (response.StatusCode == 429)
            {
                // Either the wait asked for is too long, or attempts/time ran out: a quota error
                // that says when to come back. Where Polly did not consult the planner (one attempt
                // builds no retry strategy), it is asked now for that verdict.
                if (call.Quota is null)
                {
                    _planner.Plan(call, Outcome.FromResult(response));
                }

                throw QuotaVerdict.ToError(request, response, call.Quota, _options.TimeProvider.GetUtcNow());
            }

            return response;
        }

        private ResiliencePipeline<ApiResponse> BuildPipeline()
        {
            var builder = new ResiliencePipelineBuilder<ApiResponse> { TimeProvider = _options.TimeProvider };
            if (_options.MaxAttempts > 1)
            {
                builder.AddRetry(new RetryStrategyOptions<ApiResponse>
                {
                    // The planner decides and computes every wait; Polly's own backoff stays off.
                    MaxRetryAttempts = _options.MaxAttempts - 1,
                    BackoffType = DelayBackoffType.Constant,
                    Delay = TimeSpan.Zero,
                    UseJitter = false,
                    ShouldHandle = args => new ValueTask<bool>(_planner.Plan(CallOf(args.Context), args.Outcome)),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(CallOf(args.Context).NextDelay),
                    OnRetry = args =>
                    {
                        var call = CallOf(args.Context);
                        call.Observer.Verbose($"{call.Request.Method} {call.Request.DisplayPath}: {call.Reason}; attempt {call.Attempts + 1} of {_options.MaxAttempts} in {Durations.Format(args.RetryDelay)} ({call.DelaySource}).");
                        return default;
                    },
                });
            }

            return builder.Build();
        }

        private static RetriedCall CallOf(ResilienceContext context) => context.Properties.GetValue(CallKey, null!);
    }
}
