using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Errors;
using StackExchange.Redis;

namespace PinterestAds.Core.Coordination
{
    /// <summary>
    /// One <see cref="IConnectionMultiplexer"/> per Redis configuration string per process, shared
    /// by the limiter, the idempotency journal and the refresh lock of every context. Created on
    /// the first call that needs Redis (never at module import) and kept for the life of the
    /// process: StackExchange.Redis reconnects by itself, so the module recovers when Redis
    /// comes back without anyone reconnecting.
    /// </summary>
    /// <remarks>
    /// The options are tuned to fail closed and fast: <c>AbortOnConnectFail=false</c> (a process
    /// may start while Redis is down), <see cref="BacklogPolicy.FailFast"/> (no queueing while
    /// disconnected: a command fails at once instead of stalling), short connect/sync/async
    /// timeouts, one connect retry and a quick reconnect policy. Timeouts the user wrote into the
    /// configuration string are kept.
    /// </remarks>
    public static class RedisConnections
    {
        /// <summary>The longest any single Redis operation of ours may take before it counts as unreachable.</summary>
        public static readonly TimeSpan OperationDeadline = TimeSpan.FromMilliseconds(1000);

        private const int FastTimeoutMs = 1000;

        private static readonly ConcurrentDictionary<string, Lazy<Task<IConnectionMultiplexer>>> Connections =
            new ConcurrentDictionary<string, Lazy<Task<IConnectionMultiplexer>>>(StringComparer.Ordinal);

        /// <summary>
        /// Parses and tunes a configuration string without touching the network. Throws an
        /// InvalidArgument error naming <paramref name="parameterName"/> for a malformed string
        /// (the string itself is not echoed: it may hold a password).
        /// </summary>
        public static ConfigurationOptions ParseConfiguration(string configuration, string parameterName = "RedisConfiguration")
        {
            if (string.IsNullOrWhiteSpace(configuration))
            {
                throw PinterestAdsException.InvalidArgument(parameterName, "the Redis configuration is empty; pass a StackExchange.Redis configuration string such as 'redis.example.com:6380,ssl=true,password=...'.");
            }

            ConfigurationOptions options;
            try
            {
                options = ConfigurationOptions.Parse(configuration);
            }
            catch (ArgumentException ex)
            {
                throw PinterestAdsException.InvalidArgument(parameterName, "is not a valid StackExchange.Redis configuration string: " + ex.Message);
            }

            if (options.EndPoints.Count == 0)
            {
                throw PinterestAdsException.InvalidArgument(parameterName, "names no Redis endpoint; pass host:port, for example 'localhost:6379'.");
            }

            string lower = configuration.ToLowerInvariant();
            options.AbortOnConnectFail = false;
            options.BacklogPolicy = BacklogPolicy.FailFast;
            if (!lower.Contains("connecttimeout="))
            {
                options.ConnectTimeout = FastTimeoutMs;
            }

            if (!lower.Contains("synctimeout="))
            {
                options.SyncTimeout = FastTimeoutMs;
            }

            if (!lower.Contains("asynctimeout="))
            {
                options.AsyncTimeout = FastTimeoutMs;
            }

            if (!lower.Contains("connectretry="))
            {
                options.ConnectRetry = 1;
            }

            options.ReconnectRetryPolicy = new ExponentialRetry(250, 2000);
            if (string.IsNullOrEmpty(options.ClientName))
            {
                options.ClientName = "PinterestAds";
            }

            return options;
        }

        /// <summary>The endpoints of a configuration, for messages: never the password or other settings.</summary>
        public static string Describe(string configuration)
        {
            try
            {
                var options = ConfigurationOptions.Parse(configuration);
                return string.Join(",", options.EndPoints.Select(e => Format(e)));
            }
            catch (ArgumentException)
            {
                return "(invalid configuration)";
            }
        }

        /// <summary>
        /// The shared multiplexer for <paramref name="configuration"/>, connecting on first use. With
        /// <c>AbortOnConnectFail=false</c> this returns even when Redis is down; commands then fail
        /// fast until the background reconnect succeeds.
        /// </summary>
        public static async Task<IConnectionMultiplexer> GetAsync(string configuration)
        {
            var lazy = Connections.GetOrAdd(configuration, c => new Lazy<Task<IConnectionMultiplexer>>(() => ConnectAsync(c), LazyThreadSafetyMode.ExecutionAndPublication));
            try
            {
                return await lazy.Value.ConfigureAwait(false);
            }
            catch
            {
                // Let the next call try again rather than caching a failed connect forever.
                ((ICollection<KeyValuePair<string, Lazy<Task<IConnectionMultiplexer>>>>)Connections)
                    .Remove(new KeyValuePair<string, Lazy<Task<IConnectionMultiplexer>>>(configuration, lazy));
                throw;
            }
        }

        /// <summary>
        /// Runs one Redis operation under <see cref="OperationDeadline"/> (connect included). Any
        /// Redis failure, or the deadline passing, becomes a <see cref="RedisUnavailableException"/>.
        /// </summary>
        public static async Task<T> RunAsync<T>(string configuration, Func<IDatabase, Task<T>> operation, CancellationToken cancellationToken, TimeSpan? deadline = null)
        {
            var limit = deadline ?? OperationDeadline;
            Task<T> work = RunCoreAsync(configuration, operation);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(limit, timeout.Token);
            var first = await Task.WhenAny(work, delay).ConfigureAwait(false);
            if (first != work)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Observe(work);
                throw new RedisUnavailableException(Describe(configuration), string.Format(CultureInfo.InvariantCulture, "no answer within {0:0.#} s", limit.TotalSeconds), null);
            }

            timeout.Cancel();
            try
            {
                return await work.ConfigureAwait(false);
            }
            catch (Exception ex) when (RedisFailures.IsRedisFailure(ex) || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // StackExchange.Redis cancels what was queued on a connection it tears down (after
                // a pause, say): that is Redis failing too, not the caller stopping.
                throw new RedisUnavailableException(Describe(configuration), RedisFailures.Explain(ex), ex);
            }
        }

        /// <summary>
        /// One bare PING round trip on the shared connection, without the deadline wrapper: the
        /// baseline the limiter benchmark compares a permit with.
        /// </summary>
        public static async Task<TimeSpan> PingAsync(string configuration)
        {
            try
            {
                return await (await GetAsync(configuration).ConfigureAwait(false)).GetDatabase().PingAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (RedisFailures.IsRedisFailure(ex))
            {
                throw new RedisUnavailableException(Describe(configuration), RedisFailures.Explain(ex), ex);
            }
        }

        private static async Task<T> RunCoreAsync<T>(string configuration, Func<IDatabase, Task<T>> operation)
        {
            var database = (await GetAsync(configuration).ConfigureAwait(false)).GetDatabase();
            await RedisMemory.For(configuration).CheckAsync(database).ConfigureAwait(false);
            return await operation(database).ConfigureAwait(false);
        }

        private static async Task<IConnectionMultiplexer> ConnectAsync(string configuration)
        {
            var options = ParseConfiguration(configuration);
            var connection = await ConnectionMultiplexer.ConnectAsync(options).ConfigureAwait(false);

            // A Redis that comes back may have come back empty: look at its marker on the next use.
            var memory = RedisMemory.For(configuration);
            connection.ConnectionRestored += (_, _) => memory.CheckSoon();
            return connection;
        }

        private static void Observe(Task task) => task.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);

        private static string Format(System.Net.EndPoint endpoint) => endpoint switch
        {
            System.Net.DnsEndPoint dns => dns.Host + ":" + dns.Port.ToString(CultureInfo.InvariantCulture),
            System.Net.IPEndPoint ip => ip.ToString(),
            _ => endpoint.ToString() ?? "?",
        };
    }
}
