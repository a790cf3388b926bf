using System;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;

namespace PinterestAds.Core.Limiting
{
    /// <summary>
    /// What both limiters share: a sliding-window log per bucket (at most
    /// <see cref="BudgetOptions.RequestsPerWindow"/> admissions in any rolling
    /// <see cref="BudgetOptions.Window"/>), and the caller-side wait for a permit up to
    /// <see cref="BudgetOptions.MaxWait"/>, announced through the observer.
    /// </summary>
    public abstract class SlidingWindowLimiter : IRequestLimiter, IBudgetInspector
    {
        private static readonly TimeSpan MaxJitter = TimeSpan.FromMilliseconds(25);

        private readonly object _randomLock = new object();
        private readonly Random _random = new Random(Guid.NewGuid().GetHashCode());

        protected SlidingWindowLimiter(BudgetOptions options)
        {
            options.Validate();
            Budget = options.RequestsPerWindow;
            Window = options.Window;
            MaxWait = options.MaxWait;
            Time = options.TimeProvider ?? TimeProvider.System;
        }

        public int Budget { get; }

        public TimeSpan Window { get; }

        public TimeSpan MaxWait { get; }

        protected TimeProvider Time { get; }

        /// <summary>Where the log is kept, for Get-PinRateLimit: <c>Redis host:port</c> or <c>Local</c>.</summary>
        public abstract string StoreDescription { get; }

        public Task AcquireAsync(LimiterBucket bucket, string attemptId, ICallObserver observer, CancellationToken cancellationToken) =>
            AcquirePermitAsync(bucket, attemptId, observer, cancellationToken);

        /// <summary>
        /// Takes one permit for <paramref name="attemptId"/>, waiting while the budget is used up for
        /// as long as <see cref="MaxWait"/> allows. Throws a LimitsExceeded error when the wait
        /// would be longer, or when the store cannot be reached (fail closed).
        /// </summary>
        public async Task<PermitDecision> AcquirePermitAsync(LimiterBucket bucket, string attemptId, ICallObserver observer, CancellationToken cancellationToken)
        {
            long started = Time.GetTimestamp();
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var decision = await DecideAsync(bucket, attemptId, charge: true, observer, cancellationToken).ConfigureAwait(false);
                if (decision.Allowed)
                {
                    return decision;
                }

                var retryAfter = decision.RetryAfter > TimeSpan.Zero ? decision.RetryAfter : TimeSpan.FromMilliseconds(1);
                var waited = Time.GetElapsedTime(started);
                if (waited + retryAfter > MaxWait)
                {
                    throw LimiterErrors.Exhausted(bucket, Budget, Window, retryAfter, MaxWait, Time.GetUtcNow());
                }

                var wait = retryAfter + Jitter();
                observer.Verbose($"Request budget for {LimiterErrors.Describe(bucket)} is used up ({decision.Used} of {Budget} per {Durations.Format(Window)}); waiting {Durations.Format(wait)} for the next permit.");
                await Time.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
        }

        public async Task<RateLimitStatus> InspectAsync(LimiterBucket bucket, CancellationToken cancellationToken)
        {
            var decision = await DecideAsync(bucket, string.Empty, charge: false, SilentObserver.Instance, cancellationToken).ConfigureAwait(false);
            return new RateLimitStatus(bucket, Budget, Window, decision, StoreDescription, Time.GetUtcNow());
        }

        /// <summary>
        /// One atomic step against the store. With <paramref name="charge"/>: trim, count, and admit
        /// <paramref name="attemptId"/> if there is room (an id already admitted is answered as
        /// allowed without charging again). Without: count only.
        /// </summary>
        protected internal abstract Task<PermitDecision> DecideAsync(LimiterBucket bucket, string attemptId, bool charge, ICallObserver observer, CancellationToken cancellationToken);

        private TimeSpan Jitter()
        {
            lock (_randomLock)
            {
                return TimeSpan.FromTicks((long)(_random.NextDouble() * MaxJitter.Ticks));
            }
        }
    }
}
