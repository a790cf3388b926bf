using System;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Auth;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Limiting;
using StackExchange.Redis;

namespace PinterestAds.Core.Coordination
{
    /// <summary>
    /// The cross-machine layer of the token refresh lock: a Redis lease
    /// (<c>SET pinterestads:lock:{grant} owner NX PX lease</c>), released by compare-and-delete so
    /// a holder whose lease ran out can never release its successor's lock. Waiters poll with
    /// jittered backoff until their timeout. Redis down means fail closed: no refresh without the lock.
    /// </summary>
    public sealed class RedisRefreshCoordinator : IRefreshCoordinator
    {
        public const string KeyPrefix = "pinterestads:lock:";

        private static readonly LuaScript ReleaseScript = LuaScript.Prepare(@"
if redis.call('GET', @key) == @owner then return redis.call('DEL', @key) end
return 0
");

        private readonly string _configuration;
        private readonly TimeProvider _time;
        private readonly Random _random = new Random(Guid.NewGuid().GetHashCode());

        /// <param name="lease">How long the lock lives if its holder dies; longer than the refresh's HTTP timeout.</param>
        public RedisRefreshCoordinator(string configuration, TimeSpan? lease = null, TimeProvider? time = null)
        {
            RedisConnections.ParseConfiguration(configuration);
            _configuration = configuration;
            Lease = lease ?? TimeSpan.FromSeconds(60);
            _time = time ?? TimeProvider.System;
        }

        public TimeSpan Lease { get; }

        public static string KeyFor(string grantKey) => KeyPrefix + RedisKeys.HashTag(grantKey);

        public async Task<IDisposable> AcquireAsync(string grantKey, TimeSpan timeout, CancellationToken cancellationToken)
        {
            string key = KeyFor(grantKey);
            string owner = Guid.NewGuid().ToString("N");
            long started = _time.GetTimestamp();
            var delay = TimeSpan.FromMilliseconds(50);
            while (true)
            {
                bool taken;
                try
                {
                    taken = await RedisConnections.RunAsync(
                        _configuration,
                        db => db.StringSetAsync(key, owner, Lease, When.NotExists),
                        cancellationToken).ConfigureAwait(false);
                }
                catch (RedisUnavailableException ex)
                {
                    throw new PinterestAdsException(
                        "refreshLockUnavailable",
                        FailureKind.LimitsExceeded,
                        $"The sign-in could not be refreshed: the refresh lock is kept in Redis at {ex.Endpoints}, which is unreachable ({ex.Reason}). " +
                        "Without the lock another machine might spend the same refresh token, so nothing was refreshed; start Redis or restore the network path to it, then run the command again.",
                        "Start Redis or restore the network path to it (PINTEREST_ADS_REDIS), then run the command again.",
                        ex);
                }

                if (taken)
                {
                    return new Holder(this, key, owner);
                }

                var waited = _time.GetElapsedTime(started);
                if (waited >= timeout)
                {
                    throw new PinterestAdsException(
                        "refreshLockTimeout",
                        FailureKind.OperationTimeout,
                        $"The sign-in could not be refreshed: another process held the refresh lock for longer than {Durations.Format(timeout)}.",
                        "Run the command again; if it keeps failing, a stuck worker may hold the lock (it expires by itself after " + Durations.Format(Lease) + ").");
                }

                TimeSpan wait;
                lock (_random)
                {
                    wait = TimeSpan.FromMilliseconds(delay.TotalMilliseconds * (0.5 + (0.5 * _random.NextDouble())));
                }

                if (waited + wait > timeout)
                {
                    wait = timeout - waited;
                }

                await _time.Delay(wait, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 1000));
            }
        }

        internal async Task ReleaseAsync(string key, string owner)
        {
            try
            {
                await RedisConnections.RunAsync(_configuration, db => ReleaseScript.EvaluateAsync(db, new { key = (RedisKey)key, owner }), CancellationToken.None).ConfigureAwait(false);
            }
            catch (RedisUnavailableException)
            {
                // The lease expires by itself.
            }
        }

        private sealed class Holder : IDisposable
        {
            private readonly RedisRefreshCoordinator _owner;
            private readonly string _key;
            private readonly string _token;
            private int _released;

            public Holder(RedisRefreshCoordinator owner, string key, string token)
            {
                _owner = owner;
                _key = key;
                _token = token;
            }

            public void Dispose()
            {
                if (Interlocked.Exchange(ref _released, 1) == 0)
                {
                    // Blocking is bounded by the Redis operation deadline; the lease is the backstop.
                    _owner.ReleaseAsync(_key, _token).GetAwaiter().GetResult();
                }
            }
        }
    }
}
