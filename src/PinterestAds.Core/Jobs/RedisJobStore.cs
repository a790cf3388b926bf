using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Coordination;
using PinterestAds.Core.Errors;
using StackExchange.Redis;

namespace PinterestAds.Core.Jobs
{
    /// <summary>
    /// A job's state in Redis, shared by every worker of the fleet: one hash per ad account,
    /// <c>pinterestads:job:{&lt;client&gt;:&lt;api&gt;:&lt;job&gt;}:&lt;account&gt;</c>, with the lease (owner, holder,
    /// until), the last completion and the state. Leases and writes are Lua scripts timed by Redis's
    /// clock, so workers on machines whose clocks differ agree on who holds what.
    /// </summary>
    internal sealed class RedisJobStore : IJobStore
    {
        public const string KeyPrefix = "pinterestads:job:";

        /// <summary>
        /// How long one operation may take. Longer than the request budget's second: a job touches its
        /// state a few times per ad account, and waiting out a busy Redis is better than stopping the job.
        /// </summary>
        private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

        /// <summary>A job that has not run for this long is forgotten.</summary>
        private static readonly TimeSpan Retention = TimeSpan.FromDays(400);

        private const string NowMs = @"local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local function fmt(x) return string.format('%.0f', x) end
";

        private static readonly LuaScript LeaseScript = LuaScript.Prepare(NowMs + @"
local e = redis.call('HMGET', @key, 'owner', 'until')
if e[1] and e[1] ~= @owner and tonumber(e[2] or '0') > now then return 0 end
redis.call('HSET', @key, 'owner', @owner, 'holder', @holder, 'until', fmt(now + tonumber(@leasems)))
redis.call('PEXPIRE', @key, @ttlms)
return 1
");

        private static readonly LuaScript RenewScript = LuaScript.Prepare(NowMs + @"
if redis.call('HGET', @key, 'owner') ~= @owner then return 0 end
redis.call('HSET', @key, 'until', fmt(now + tonumber(@leasems)))
return 1
");

        private static readonly LuaScript ReleaseScript = LuaScript.Prepare(@"
if redis.call('HGET', @key, 'owner') == @owner then redis.call('HDEL', @key, 'owner', 'holder', 'until') end
return 1
");

        private static readonly LuaScript WriteScript = LuaScript.Prepare(NowMs + @"
local e = redis.call('HMGET', @key, 'owner', 'until')
if e[1] ~= @owner or tonumber(e[2] or '0') < now then return 0 end
redis.call('HSET', @key, 'state', @state, 'completed', fmt(now))
redis.call('PEXPIRE', @key, @ttlms)
return 1
");

        private readonly string _configuration;
        private readonly string _job;
        private readonly string _scope;

        /// <param name="scope">The client, API and job the keys belong to.</param>
        public RedisJobStore(string configuration, string job, string scope)
        {
            _configuration = configuration;
            _job = job;
            _scope = scope;
            Description = "Redis at " + RedisConnections.Describe(configuration);
        }

        public string Description { get; }

        public Task<DateTimeOffset> NowAsync(CancellationToken cancellationToken) =>
            RunAsync(async db =>
            {
                var time = await db.ExecuteAsync("TIME").ConfigureAwait(false);
                var parts = (RedisResult[])time!;
                long seconds = long.Parse((string)parts[0]!, CultureInfo.InvariantCulture);
                long micros = long.Parse((string)parts[1]!, CultureInfo.InvariantCulture);
                return DateTimeOffset.FromUnixTimeMilliseconds((seconds * 1000) + (micros / 1000));
            }, cancellationToken);

        public async Task<JobLease?> TryLeaseAsync(string account, TimeSpan duration, CancellationToken cancellationToken)
        {
            var lease = new JobLease(account, Guid.NewGuid().ToString("N"));
            var parameters = new { key = Key(account), owner = lease.Owner, holder = ProcessIdentity.Current, leasems = (long)duration.TotalMilliseconds, ttlms = (long)Retention.TotalMilliseconds };
            long taken = await RunAsync(async db => (long)await LeaseScript.EvaluateAsync(db, parameters).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return taken == 1 ? lease : null;
        }

        public async Task<bool> RenewAsync(JobLease lease, TimeSpan duration, CancellationToken cancellationToken)
        {
            var parameters = new { key = Key(lease.Account), owner = lease.Owner, leasems = (long)duration.TotalMilliseconds };
            return await RunAsync(async db => (long)await RenewScript.EvaluateAsync(db, parameters).ConfigureAwait(false), cancellationToken).ConfigureAwait(false) == 1;
        }

        public Task ReleaseAsync(JobLease lease, CancellationToken cancellationToken) =>
            RunAsync(db => ReleaseScript.EvaluateAsync(db, new { key = Key(lease.Account), owner = lease.Owner }), cancellationToken);

        public async Task<JobRecord> ReadAsync(string account, CancellationToken cancellationToken)
        {
            var values = await RunAsync(db => db.HashGetAsync(Key(account), new RedisValue[] { "completed", "state" }), cancellationToken).ConfigureAwait(false);
            DateTimeOffset? completed = values[0].HasValue && long.TryParse((string)values[0]!, NumberStyles.Integer, CultureInfo.InvariantCulture, out long ms)
                ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
                : (DateTimeOffset?)null;
            return new JobRecord(completed, values[1].HasValue ? (string)values[1]! : null);
        }

        public async Task<bool> WriteAsync(JobLease lease, string state, CancellationToken cancellationToken)
        {
            var parameters = new { key = Key(lease.Account), owner = lease.Owner, state, ttlms = (long)Retention.TotalMilliseconds };
            return await RunAsync(async db => (long)await WriteScript.EvaluateAsync(db, parameters).ConfigureAwait(false), cancellationToken).ConfigureAwait(false) == 1;
        }

        private RedisKey Key(string account) => KeyPrefix + RedisKeys.HashTag(_scope) + ":" + account;

        /// <summary>One operation under Redis's deadline; an unreachable Redis is the fail-closed quota error.</summary>
        private async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> operation, CancellationToken cancellationToken)
        {
            try
            {
                return await RedisConnections.RunAsync(_configuration, operation, cancellationToken, Deadline).ConfigureAwait(false);
            }
            catch (RedisUnavailableException ex)
            {
                throw JobErrors.Unavailable(_job, Description, ex.Reason, FailureKind.LimitsExceeded, ex);
            }
        }
    }
}
