using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Coordination;
using PinterestAds.Core.Http;
using StackExchange.Redis;

namespace PinterestAds.Core.Idempotency
{
    /// <summary>
    /// The journal shared by every machine: one hash per key,
    /// <c>pinterestads:idem:{&lt;client&gt;}:&lt;sha256(key)&gt;</c>, changed only by Lua scripts (claim,
    /// complete, mark unknown, release) timed by Redis's clock; and one string per entity a write
    /// made, <c>pinterestads:made:{&lt;client&gt;}:&lt;sha256(entity)&gt;</c>, holding its key. The
    /// shared hash tag keeps them in one cluster slot. Entries expire after the retention.
    /// </summary>
    public sealed class RedisIdempotencyJournal : IIdempotencyJournal
    {
        public const string KeyPrefix = "pinterestads:idem:";
        public const string MadePrefix = "pinterestads:made:";

        private const string NowMs = @"local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local function fmt(x) return string.format('%.0f', x) end
";

        private static readonly LuaScript BeginScript = LuaScript.Prepare(NowMs + @"
local e = redis.call('HMGET', @key, 'fp', 'state', 'owner', 'lease', 'started', 'status', 'body', 'completed', 'holder', 'beat')
if not e[1] then
  redis.call('HSET', @key, 'fp', @fp, 'state', 'pending', 'owner', @owner, 'holder', @holder, 'lease', fmt(now + tonumber(@leasems)), 'started', fmt(now), 'beat', fmt(now))
  redis.call('PEXPIRE', @key, @ttlms)
  return {'claimed', fmt(now), fmt(now)}
end
if e[1] ~= @fp then return {'mismatch', fmt(now), e[5] or '0'} end
if e[2] == 'completed' then return {'completed', fmt(now), e[5] or '0', e[6] or '200', e[7] or '', e[8] or '0'} end
if e[2] == 'pending' and tonumber(e[4] or '0') > now then return {'busy', fmt(now), e[5] or '0', e[4], e[3] or '', e[9] or '', e[10] or e[5] or '0'} end
redis.call('HSET', @key, 'state', 'pending', 'owner', @owner, 'holder', @holder, 'lease', fmt(now + tonumber(@leasems)), 'beat', fmt(now))
redis.call('PEXPIRE', @key, @ttlms)
return {'recovered', fmt(now), e[5] or '0', e[10] or e[5] or '0'}
");

        // Takes over a live-leased claim whose holder this process found dead, unless it changed hands meanwhile.
        private static readonly LuaScript TakeOverScript = LuaScript.Prepare(NowMs + @"
if redis.call('HGET', @key, 'owner') ~= @previous or redis.call('HGET', @key, 'state') ~= 'pending' then return {'changed'} end
redis.call('HSET', @key, 'owner', @owner, 'holder', @holder, 'lease', fmt(now + tonumber(@leasems)), 'beat', fmt(now))
return {'recovered', fmt(now), redis.call('HGET', @key, 'started') or '0', fmt(now)}
");

        private static readonly LuaScript RenewScript = LuaScript.Prepare(NowMs + @"
if redis.call('HGET', @key, 'owner') ~= @owner or redis.call('HGET', @key, 'state') ~= 'pending' then return 0 end
redis.call('HSET', @key, 'lease', fmt(now + tonumber(@leasems)), 'beat', fmt(now))
return 1
");

        private static readonly LuaScript CompleteScript = LuaScript.Prepare(NowMs + @"
local owner = redis.call('HGET', @key, 'owner')
if owner and owner ~= @owner then return 0 end
redis.call('HSET', @key, 'fp', @fp, 'state', 'completed', 'owner', @owner, 'status', @status, 'body', @body, 'completed', fmt(now))
if not redis.call('HGET', @key, 'started') then redis.call('HSET', @key, 'started', fmt(now)) end
redis.call('PEXPIRE', @key, @ttlms)
return 1
");

        private static readonly LuaScript UnknownScript = LuaScript.Prepare(NowMs + @"
if redis.call('HGET', @key, 'owner') ~= @owner then return 0 end
redis.call('HSET', @key, 'state', 'unknown', 'beat', fmt(now))
return 1
");

        private static readonly LuaScript ReleaseScript = LuaScript.Prepare(@"
if redis.call('HGET', @key, 'owner') ~= @owner or redis.call('HGET', @key, 'state') ~= 'pending' then return 0 end
redis.call('DEL', @key)
return 1
");

        private readonly string _configuration;
        private readonly string _clientId;
        private readonly long _retentionMs;
        private readonly long _leaseMs;
        private readonly TimeProvider _time;

        /// <param name="time">The session's clock: the instants of the claims it hands out are on it, not on Redis's.</param>
        public RedisIdempotencyJournal(string configuration, string clientId, TimeSpan retention, TimeSpan lease, TimeProvider? time = null)
        {
            RedisConnections.ParseConfiguration(configuration);
            _configuration = configuration;
            _clientId = clientId;
            _retentionMs = (long)retention.TotalMilliseconds;
            _leaseMs = (long)lease.TotalMilliseconds;
            _time = time ?? TimeProvider.System;
            Description = "Redis " + RedisConnections.Describe(configuration);
        }

        public string Description { get; }

        public TimeSpan Lease => TimeSpan.FromMilliseconds(_leaseMs);

        public string KeyFor(string key) => KeyPrefix + RedisKeys.HashTag(_clientId) + ":" + StatePaths.Digest(key);

        public string MadeKeyFor(string entityKey) => MadePrefix + RedisKeys.HashTag(_clientId) + ":" + entityKey;

        public async Task<JournalClaim> BeginAsync(string key, string fingerprint, CancellationToken cancellationToken)
        {
            string owner = Guid.NewGuid().ToString("N");
            string holder = ProcessIdentity.Current;
            var redisKey = (RedisKey)KeyFor(key);
            var memory = RedisMemory.For(_configuration);
            var sent = _time.GetUtcNow();
            var result = (RedisResult[])(await RunAsync(
                async db =>
                {
                    // A journal that forgot would answer "new key" for one that is not: look first.
                    await memory.CheckAsync(db, force: true).ConfigureAwait(false);
                    return await BeginScript.EvaluateAsync(db, new { key = redisKey, fp = fingerprint, owner, holder, leasems = _leaseMs, ttlms = _retentionMs }).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false))!;
            var here = new RedisInstants((string?)result[1], sent, _time.GetUtcNow());
            string verdict = (string)result[0]!;
            if (verdict == "busy" && ProcessIdentity.IsDeadHere((string?)result[5]))
            {
                // Its holder was a process on this machine that is gone: no need to wait out the lease.
                string previous = (string)result[4]!;
                sent = _time.GetUtcNow();
                var taken = (RedisResult[])(await RunAsync(db => TakeOverScript.EvaluateAsync(db, new { key = redisKey, previous, owner, holder, leasems = _leaseMs }), cancellationToken).ConfigureAwait(false))!;
                if ((string)taken[0]! == "recovered")
                {
                    var then = new RedisInstants((string?)taken[1], sent, _time.GetUtcNow());
                    return new JournalClaim(key, fingerprint, owner, JournalClaimStatus.Recovered) { FirstUsedAt = then.Earliest((string?)taken[2]), LastAliveAt = then.Latest((string?)taken[3]) };
                }
            }

            string? started = (string?)result[2];
            switch (verdict)
            {
                case "claimed" when memory.LostAt is DateTimeOffset lost && FromMs(started) - lost < RedisMemory.Aftermath:
                    // Redis lost its entries lately: this key may have been used before, by a run whose
                    // write the journal forgot. Treat it as an unknown outcome that far back.
                    return new JournalClaim(key, fingerprint, owner, JournalClaimStatus.Recovered)
                    {
                        FirstUsedAt = here.Earliest(lost - RedisMemory.Aftermath),
                        JournalLostAt = here.Latest(lost),
                        Warning = memory.TakeWarning(),
                    };
                case "claimed":
                    return new JournalClaim(key, fingerprint, owner, JournalClaimStatus.Claimed) { FirstUsedAt = here.Earliest(started), Warning = memory.TakeWarning() };
                case "mismatch":
                    return new JournalClaim(key, fingerprint, owner, JournalClaimStatus.Mismatch) { FirstUsedAt = here.Earliest(started) };
                case "completed":
                    return new JournalClaim(key, fingerprint, owner, JournalClaimStatus.Completed)
                    {
                        FirstUsedAt = here.Earliest(started),
                        ResponseStatus = int.Parse((string)result[3]!, CultureInfo.InvariantCulture),
                        ResponseBody = (byte[]?)result[4] ?? new byte[0],
                        CompletedAt = here.Latest((string?)result[5]),
                    };
                case "busy":
                    return new JournalClaim(key, fingerprint, owner, JournalClaimStatus.InProgress)
                    {
                        FirstUsedAt = here.Earliest(started),
                        LeaseUntil = here.Latest((string?)result[3]),
                        LastAliveAt = here.Latest((string?)result[6]),
                        HolderMark = (string?)result[4] + " " + (string?)result[6],
                    };
                default:
                    return new JournalClaim(key, fingerprint, owner, JournalClaimStatus.Recovered) { FirstUsedAt = here.Earliest(started), LastAliveAt = here.Latest((string?)result[3]) };
            }
        }

        public async Task<bool> RenewAsync(JournalClaim claim, CancellationToken cancellationToken) =>
            (long)await RunAsync(db => RenewScript.EvaluateAsync(db, new { key = (RedisKey)KeyFor(claim.Key), owner = claim.Owner, leasems = _leaseMs }), cancellationToken).ConfigureAwait(false) == 1;

        public Task CompleteAsync(JournalClaim claim, ApiResponse response, CancellationToken cancellationToken) =>
            RunAsync(db => CompleteScript.EvaluateAsync(db, new { key = (RedisKey)KeyFor(claim.Key), owner = claim.Owner, fp = claim.Fingerprint, status = response.StatusCode, body = response.Body, ttlms = _retentionMs }), cancellationToken);

        public Task MarkUnknownAsync(JournalClaim claim, CancellationToken cancellationToken) =>
            RunAsync(db => UnknownScript.EvaluateAsync(db, new { key = (RedisKey)KeyFor(claim.Key), owner = claim.Owner }), cancellationToken);

        public Task ReleaseAsync(JournalClaim claim, CancellationToken cancellationToken) =>
            RunAsync(db => ReleaseScript.EvaluateAsync(db, new { key = (RedisKey)KeyFor(claim.Key), owner = claim.Owner }), cancellationToken);

        public Task ClaimEntitiesAsync(IReadOnlyCollection<string> entityKeys, string key, CancellationToken cancellationToken) =>
            RedisConnections.RunAsync(
                _configuration,
                async db =>
                {
                    var expiry = TimeSpan.FromMilliseconds(_retentionMs);
                    await Task.WhenAll(entityKeys.Select(e => db.StringSetAsync(MadeKeyFor(e), key, expiry))).ConfigureAwait(false);
                    return true;
                },
                cancellationToken);

        public async Task<IReadOnlyDictionary<string, string>> ClaimantsAsync(IReadOnlyCollection<string> entityKeys, CancellationToken cancellationToken)
        {
            var names = entityKeys.ToArray();
            var found = new Dictionary<string, string>(StringComparer.Ordinal);
            if (names.Length == 0)
            {
                return found;
            }

            var values = await RedisConnections.RunAsync(_configuration, db => db.StringGetAsync(names.Select(e => (RedisKey)MadeKeyFor(e)).ToArray()), cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < names.Length; i++)
            {
                if (values[i].HasValue)
                {
                    found[names[i]] = values[i]!;
                }
            }

            return found;
        }

        private Task<RedisResult> RunAsync(Func<IDatabase, Task<RedisResult>> operation, CancellationToken cancellationToken) =>
            RedisConnections.RunAsync(_configuration, operation, cancellationToken);

        /// <summary>An instant on Redis's clock (Unix ms, as the scripts answer them); null when absent.</summary>
        private static DateTimeOffset? FromMs(string? value) =>
            long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long ms) && ms > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : (DateTimeOffset?)null;

        /// <summary>
        /// Redis's instants on this session's clock. A script reads Redis's clock ("now") at some
        /// moment between our send and our receipt, so an instant x of Redis's was here no earlier
        /// than x − now + sent and no later than x − now + received: bounds as tight as the round
        /// trip, whatever the two clocks' skew (another machine's run is judged on this one's clock).
        /// </summary>
        private readonly struct RedisInstants
        {
            private readonly TimeSpan _toEarliest;
            private readonly TimeSpan _toLatest;

            public RedisInstants(string? redisNow, DateTimeOffset sent, DateTimeOffset received)
            {
                var now = FromMs(redisNow) ?? sent;
                _toEarliest = sent - now;
                _toLatest = received - now;
            }

            public DateTimeOffset? Earliest(string? redisMs) => Earliest(FromMs(redisMs));

            public DateTimeOffset? Earliest(DateTimeOffset? redisInstant) => redisInstant + _toEarliest;

            public DateTimeOffset? Latest(string? redisMs) => Latest(FromMs(redisMs));

            public DateTimeOffset? Latest(DateTimeOffset? redisInstant) => redisInstant + _toLatest;
        }
    }
}
