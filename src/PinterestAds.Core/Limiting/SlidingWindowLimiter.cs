using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Resilience;

namespace PinterestAds.Core.Limiting
{
    /// <summary>
    /// What both limiters share: a sliding-window log per bucket (at most
    /// <see cref="BudgetOptions.RequestsPerWindow"/> admissions in any rolling
    /// <see cref="BudgetOptions.Window"/>), and the caller-side wait for a permit up to
    /// <see cref="BudgetOptions.MaxWait"/>, announced through the observer.
    /// </summary>
    public abstract class SlidingWindowLimiter : IRequestLimiter, IBudgetInspector, IBudgetPause
    {
        /// <summary>The longest pause a 429 can impose on a bucket (an absurd header is cut to this).</summary>
        public static readonly TimeSpan MaxPause = TimeSpan.FromDays(2);

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
                bool paused = decision.PausedFor > TimeSpan.Zero;
                if (waited + retryAfter > MaxWait)
                {
                    throw paused
                        ? LimiterErrors.Paused(bucket, retryAfter, MaxWait, Time.GetUtcNow())
                        : LimiterErrors.Exhausted(bucket, Budget, Window, retryAfter, MaxWait, Time.GetUtcNow());
                }

                var wait = retryAfter + Jitter();
                observer.Verbose(paused
                    ? $"Requests for {LimiterErrors.Describe(bucket)} are paused until {Durations.Instant(Time.GetUtcNow() + decision.PausedFor)}: Pinterest answered 429 to a worker sharing this budget; waiting {Durations.Format(wait)}."
                    : $"Request budget for {LimiterErrors.Describe(bucket)} is used up ({decision.Used} of {Budget} per {Durations.Format(Window)}); waiting {Durations.Format(wait)} for the next permit.");
                await Time.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
        }

        public async Task<RateLimitStatus> InspectAsync(LimiterBucket bucket, CancellationToken cancellationToken)
        {
            var decision = await DecideAsync(bucket, string.Empty, charge: false, SilentObserver.Instance, cancellationToken).ConfigureAwait(false);
            return new RateLimitStatus(bucket, Budget, Window, decision, StoreDescription, Time.GetUtcNow());
        }

        /// <summary>
        /// After a 429 for <paramref name="bucket"/>: reads how long Pinterest asks to wait
        /// (<c>Retry-After</c> / <c>X-RateLimit-Reset</c>) and pauses the bucket in the store until
        /// then, so every worker sharing it stops sending. Nothing is recorded when the response
        /// asks for no wait. Returns the end of the pause (a longer one already recorded wins).
        /// </summary>
        public async Task<DateTimeOffset?> PauseAfterRateLimitAsync(LimiterBucket bucket, IReadOnlyDictionary<string, string> headers, ICallObserver observer, CancellationToken cancellationToken)
        {
            if (!(RetryAfterHeaders.Read(headers, Time.GetUtcNow()) is { } asked) || asked.Wait <= TimeSpan.Zero)
            {
                return null;
            }

            var until = await PauseAsync(bucket, asked.Wait > MaxPause ? MaxPause : asked.Wait, cancellationToken).ConfigureAwait(false);
            observer.Verbose($"Pinterest answered 429 for {LimiterErrors.Describe(bucket)} ({asked.Source}): no worker sharing this budget sends from it until {Durations.Instant(until)}.");
            return until;
        }

        /// <summary>
        /// Records in the store that <paramref name="bucket"/> is paused for <paramref name="wait"/>
        /// from the store's now, unless a later pause is already recorded; returns the pause's end
        /// (whichever is later) on this process's clock.
        /// </summary>
        protected internal abstract Task<DateTimeOffset> PauseAsync(LimiterBucket bucket, TimeSpan wait, CancellationToken cancellationToken);

        /// <summary>
        /// One atomic step against the store. A paused bucket admits nothing (the decision carries
        /// <see cref="PermitDecision.PausedFor"/>). With <paramref name="charge"/>: trim, count, and admit
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
