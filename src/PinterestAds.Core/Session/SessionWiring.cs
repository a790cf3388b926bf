using System;
using PinterestAds.Core.Auth;
using PinterestAds.Core.Coordination;
using PinterestAds.Core.Idempotency;
using PinterestAds.Core.Limiting;
using PinterestAds.Core.Resilience;

namespace PinterestAds.Core.Session
{
    /// <summary>
    /// Builds the parts a session is wired from, out of its <see cref="BudgetOptions"/>: the
    /// limiter, the attempt strategy, the idempotency journal, the shared token store and the
    /// cross-machine refresh lock. Nothing here touches Redis or the disk: connections are made
    /// on first use.
    /// </summary>
    public static class SessionWiring
    {
        /// <summary>
        /// How long a caller owns an idempotency key unless it renews the claim, which it does while
        /// its write runs; a crashed owner's key is recoverable after it (at once on its own machine).
        /// </summary>
        public static readonly TimeSpan JournalLease = TimeSpan.FromSeconds(15);

        /// <summary>
        /// The Redis limiter when <see cref="BudgetOptions.RedisConfiguration"/> is set (a malformed
        /// string is an InvalidArgument error now, before anything is sent), else the machine-local one.
        /// </summary>
        public static IRequestLimiter CreateLimiter(BudgetOptions options)
        {
            if (!string.IsNullOrWhiteSpace(options.RedisConfiguration))
            {
                return new RedisRequestLimiter(options);
            }

            PinStateDirectory(options);
            return new LocalRequestLimiter(options);
        }

        /// <summary>Retries with Polly: 429 honouring the server's wait up to <see cref="BudgetOptions.MaxWait"/>, transient failures of repeatable calls.</summary>
        public static IAttemptStrategy CreateAttemptStrategy(BudgetOptions options, Action<RetryOptions>? configure = null)
        {
            var retry = new RetryOptions { MaxWait = options.MaxWait, TimeProvider = options.TimeProvider ?? TimeProvider.System };
            configure?.Invoke(retry);
            return new RetryingAttemptStrategy(retry);
        }

        /// <summary>The journal of caller-supplied idempotency keys: Redis when configured, else a file per key on this machine.</summary>
        public static IIdempotencyJournal CreateJournal(BudgetOptions options, string clientId)
        {
            if (!string.IsNullOrWhiteSpace(options.RedisConfiguration))
            {
                return new RedisIdempotencyJournal(options.RedisConfiguration!, clientId, options.IdempotencyRetention, JournalLease, options.TimeProvider);
            }

            PinStateDirectory(options);
            return new FileIdempotencyJournal(options.StateDirectory!, clientId, options.IdempotencyRetention, JournalLease, options.TimeProvider ?? TimeProvider.System);
        }

        /// <summary>
        /// Resolves the default state folder once (PINTEREST_ADS_STATE_DIRECTORY, else local app
        /// data) and keeps it in the options, so everything built later from the same options
        /// (Get-PinRateLimit's view, the journal) reads the store the context writes.
        /// </summary>
        private static void PinStateDirectory(BudgetOptions options) => options.StateDirectory ??= StatePaths.DefaultRoot();

        /// <summary>
        /// The token pairs shared by the machines of one sign-in (Redis) when Redis is configured and
        /// the sign-in can refresh (it has the client secret the store derives its keys from); null otherwise.
        /// </summary>
        internal static ISharedTokenStore? CreateSharedTokenStore(BudgetOptions options, string clientId, string apiBaseUri, string? clientSecret) =>
            string.IsNullOrWhiteSpace(options.RedisConfiguration) || string.IsNullOrEmpty(clientSecret)
                ? null
                : new RedisTokenStore(options.RedisConfiguration!, clientId, apiBaseUri, clientSecret!, options.TimeProvider);

        /// <summary>The Redis refresh lock when Redis is configured; null otherwise (machine-local locking is enough then).</summary>
        public static IRefreshCoordinator? CreateRefreshCoordinator(BudgetOptions options, TimeSpan? lease = null) =>
            string.IsNullOrWhiteSpace(options.RedisConfiguration)
                ? null
                : new RedisRefreshCoordinator(options.RedisConfiguration!, lease, options.TimeProvider);
    }
}
