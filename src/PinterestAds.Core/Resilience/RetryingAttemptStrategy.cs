using System;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
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
    /// </summary>
    public sealed class RetryingAttemptStrategy : IAttemptStrategy
    {
        private static readonly ResiliencePropertyKey<CallState> StateKey = new ResiliencePropertyKey<CallState>("PinterestAds.Call");

        private readonly RetryOptions _options;
        private readonly ResiliencePipeline<ApiResponse> _pipeline;
        private readonly Func<double> _random;

        public RetryingAttemptStrategy(RetryOptions options)
        {
            if (options.MaxAttempts < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(options), "MaxAttempts must be at least 1.");
            }

            _options = options;
            var shared = new Random(Guid.NewGuid().GetHashCode());
            var gate = new object();
            _random = options.Random ?? (() =>
            {
                lock (gate)
                {
                    return shared.NextDouble();
                }
            });

            var builder = new ResiliencePipelineBuilder<ApiResponse> { TimeProvider = options.TimeProvider };
            if (options.MaxAttempts > 1)
            {
                builder.AddRetry(new RetryStrategyOptions<ApiResponse>
                {
                    MaxRetryAttempts = options.MaxAttempts - 1,
                    BackoffType = DelayBackoffType.Constant,
                    Delay = TimeSpan.Zero,
                    UseJitter = false,
                    ShouldHandle = args => new ValueTask<bool>(Plan(args.Context.Properties.GetValue(StateKey, null!), args.Outcome)),
                    DelayGenerator = args => new ValueTask<TimeSpan?>(args.Context.Properties.GetValue(StateKey, null!).NextDelay),
                    OnRetry = args =>
                    {
                        var state = args.Context.Properties.GetValue(StateKey, null!);
                        state.Observer.Verbose($"{state.Request.Method} {state.Request.DisplayPath}: {state.Reason}; attempt {state.Attempts + 1} of {_options.MaxAttempts} in {Durations.Format(args.RetryDelay)} ({state.DelaySource}).");
                        return default;
                    },
                });
            }

            _pipeline = builder.Build();
        }

        public RetryOptions Options => _options;

        public async Task<ApiResponse> ExecuteAsync(ApiRequest request, RepeatSafety safety, Func<int, CancellationToken, Task<ApiResponse>> attempt, ICallObserver observer, CancellationToken cancellationToken)
        {
            var state = new CallState(request, safety, attempt, observer, _options.TimeProvider);
            var context = ResilienceContextPool.Shared.Get(cancellationToken);
            ApiResponse response;
            try
            {
                context.Properties.Set(StateKey, state);
                response = await _pipeline.ExecuteAsync(static (ctx, s) => s.RunAttemptAsync(ctx.CancellationToken), context, state).ConfigureAwait(false);
            }
            finally
            {
                ResilienceContextPool.Shared.Return(context);
            }

            if (response.StatusCode == 429)
            {
                // Either the wait asked for is too long, or attempts/time ran out: a quota error
                // that says when to come back, in the documented "<operation>: 429 — …" shape.
                if (state.Quota is null)
                {
                    Plan(state, Outcome.FromResult(response));
                }

                throw QuotaError(request, response, state);
            }

            return response;
        }

        /// <summary>Decides whether the outcome of the attempt just made is retried, and after how long.</summary>
        private bool Plan(CallState state, Outcome<ApiResponse> outcome)
        {
            state.NextDelay = null;
            state.Quota = null;
            var now = _options.TimeProvider.GetUtcNow();
            TimeSpan delay;
            if (outcome.Exception is Exception exception)
            {
                if (!(exception is ApiTransportException transport) || (transport.MayHaveReachedServer && state.Safety == RepeatSafety.NotRepeatable))
                {
                    return false;
                }

                delay = Backoff(state.Attempts);
                state.Reason = transport.MayHaveReachedServer ? transport.Message.TrimEnd('.') : "the connection failed before the request was sent";
                state.DelaySource = "backoff";
            }
            else
            {
                var response = outcome.Result!;
                int status = response.StatusCode;
                var asked = RetryAfterHeaders.Read(response.Headers, now);
                if (status == 429)
                {
                    if (asked is { } wait)
                    {
                        if (wait.Wait > _options.MaxWait)
                        {
                            state.Quota = new QuotaVerdict(wait.Wait, wait.Source, $"longer than this call may wait ({Durations.Format(_options.MaxWait)}); it was not retried");
                            return false;
                        }

                        delay = wait.Wait + HeaderJitter(wait.Wait);
                        state.DelaySource = wait.Source;
                    }
                    else
                    {
                        delay = Backoff(state.Attempts);
                        state.DelaySource = "backoff; no Retry-After or X-RateLimit-Reset";
                    }

                    state.Reason = "Pinterest answered 429 (rate limited)";
                }
                else if (IsTransientStatus(status) && state.Safety == RepeatSafety.Repeatable)
                {
                    if (asked is { } wait && wait.Wait <= _options.MaxWait)
                    {
                        delay = wait.Wait + HeaderJitter(wait.Wait);
                        state.DelaySource = wait.Source;
                    }
                    else
                    {
                        delay = Backoff(state.Attempts);
                        state.DelaySource = "backoff";
                    }

                    state.Reason = "Pinterest answered " + status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }
                else
                {
                    return false;
                }
            }

            if (state.Attempts >= _options.MaxAttempts)
            {
                state.Quota = new QuotaVerdict(delay, state.DelaySource, $"still rate limited after {state.Attempts} attempt{(state.Attempts == 1 ? string.Empty : "s")}");
                return false;
            }

            var elapsed = _options.TimeProvider.GetElapsedTime(state.Started);
            if (elapsed + delay > _options.MaxTotalTime)
            {
                state.Quota = new QuotaVerdict(delay, state.DelaySource, $"waiting would take the call past its time limit ({Durations.Format(_options.MaxTotalTime)})");
                return false;
            }

            state.NextDelay = delay;
            return true;
        }

        private static bool IsTransientStatus(int status) => status == 408 || status == 500 || status == 502 || status == 503 || status == 504;

        /// <summary>Exponential backoff with jitter: 50-100 % of min(MaxBackoff, BaseDelay · 2^(n-1)).</summary>
        private TimeSpan Backoff(int attemptsMade)
        {
            double step = _options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attemptsMade - 1));
            step = Math.Min(step, _options.MaxBackoff.TotalMilliseconds);
            return TimeSpan.FromMilliseconds(step * (0.5 + (0.5 * _random())));
        }

        /// <summary>Up to 10 % (at most 500 ms) on top of a wait the server asked for, so workers do not all return at once.</summary>
        private TimeSpan HeaderJitter(TimeSpan wait) =>
            TimeSpan.FromMilliseconds(Math.Min(wait.TotalMilliseconds * 0.1, 500) * _random());

        private PinterestAdsException QuotaError(ApiRequest request, ApiResponse response, CallState state)
        {
            var mapped = ApiErrorMapper.FromResponse(request, response);
            var now = _options.TimeProvider.GetUtcNow();
            string message = mapped.Message;
            DateTimeOffset? retryAt = null;
            if (state.Quota is { } verdict)
            {
                retryAt = now + verdict.Wait;
                message += $". Pinterest asks to wait {Durations.Format(verdict.Wait)} ({verdict.Source}), until {Durations.Instant(retryAt.Value)}: {verdict.Detail}.";
            }

            return new PinterestAdsException(
                mapped.ErrorId,
                FailureKind.LimitsExceeded,
                message,
                retryAt is DateTimeOffset at
                    ? $"Run it again after {Durations.Instant(at)}, or lower the request rate (-RequestsPerHour)."
                    : mapped.RecommendedAction)
            {
                HttpStatus = mapped.HttpStatus,
                ApiCode = mapped.ApiCode,
                RequestId = mapped.RequestId,
                RetryAt = retryAt,
            };
        }

        private sealed class QuotaVerdict
        {
            public QuotaVerdict(TimeSpan wait, string source, string detail)
            {
                Wait = wait;
                Source = source;
                Detail = detail;
            }

            public TimeSpan Wait { get; }

            public string Source { get; }

            public string Detail { get; }
        }

        private sealed class CallState
        {
            private readonly Func<int, CancellationToken, Task<ApiResponse>> _attempt;

            public CallState(ApiRequest request, RepeatSafety safety, Func<int, CancellationToken, Task<ApiResponse>> attempt, ICallObserver observer, TimeProvider time)
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

            public long Started { get; }

            public int Attempts { get; private set; }

            public TimeSpan? NextDelay { get; set; }

            public string Reason { get; set; } = string.Empty;

            public string DelaySource { get; set; } = string.Empty;

            public QuotaVerdict? Quota { get; set; }

            public ValueTask<ApiResponse> RunAttemptAsync(CancellationToken cancellationToken)
            {
                Attempts++;
                return new ValueTask<ApiResponse>(_attempt(Attempts, cancellationToken));
            }
        }
    }
}
