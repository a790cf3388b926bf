using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Coordination;
using PinterestAds.Core.Diagnostics;
using StackExchange.Redis;

namespace PinterestAds.Core.Limiting
{
    /// <summary>
    /// The budget shared by every process and machine that points at one Redis: a sliding-window
    /// log in one sorted set per bucket, decided by one Lua script in one round trip (EVALSHA),
    /// timed by Redis's own clock. Client clocks never matter, so a skewed worker changes nothing.
    /// </summary>
    /// <remarks>
    /// Keys are <c>pinterestads:rl:{&lt;client&gt;:&lt;account&gt;}</c>: the hash tag keeps each bucket in
    /// one cluster slot. The attempt id is the member, so repeating a Redis call for one attempt
    /// never charges twice. The key expires one window after its newest admission. After a 429,
    /// <c>…:blocked</c> (same slot) holds the end of the pause Pinterest asked for; the script
    /// checks it first, so every worker waits for the reset instead of collecting its own 429. Run the
    /// budget on a Redis with <c>maxmemory-policy noeviction</c> and persistence: an evicted or
    /// flushed log forgets the admissions it held. When <see cref="RedisMemory"/> finds that Redis
    /// forgot, the script counts the lost log as full at the moment of the loss and emptying at
    /// the steady rate over one window (budget × (1 − age ÷ window) phantom admissions), so a fleet
    /// that lost its log continues at the budget's average rate rather than bursting past it.
    /// </remarks>
    public sealed class RedisRequestLimiter : SlidingWindowLimiter
    {
        public const string KeyPrefix = "pinterestads:rl:";

        // Scores are microseconds of Redis time. The newest score is a floor for "now" (monotonic
        // clamp: a clock stepping back, or a failover to a replica, never re-opens the window).
        // The blocked key (milliseconds of Redis time, set after a 429) is checked first: while it
        // lies ahead nothing is admitted. lostms (Redis time of a data loss, 0 for none) adds the
        // phantom admissions of the lost log. Returns {allowed, used, remaining, retry_after_ms, now_us, paused_ms}.
        internal const string Lua = @"
local key = @key
local blocked = @blocked
local limit = tonumber(@limit)
local window = tonumber(@windowms) * 1000
local member = @member
local charge = @charge == '1'
local function fmt(x) return string.format('%.0f', x) end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local last = redis.call('ZREVRANGE', key, 0, 0, 'WITHSCORES')
if last[2] then
  local newest = tonumber(last[2])
  if newest >= now then now = newest + 1 end
end
local paused = 0
local pause_end = tonumber(redis.call('GET', blocked) or '0')
if pause_end and pause_end * 1000 > now then paused = math.ceil((pause_end * 1000 - now) / 1000) end
local lost = tonumber(@lostms)
local phantom = 0
if lost > 0 then
  local age = math.max(now / 1000 - lost, 0)
  if age < tonumber(@windowms) then phantom = math.ceil(limit * (1 - age / tonumber(@windowms))) end
end
local floor = '(' .. fmt(now - window)
if charge and paused == 0 then
  local existing = redis.call('ZSCORE', key, member)
  if existing then
    local used = redis.call('ZCOUNT', key, floor, '+inf')
    return {1, used, math.max(limit - used, 0), 0, fmt(tonumber(existing)), 0}
  end
  redis.call('ZREMRANGEBYSCORE', key, '-inf', fmt(now - window))
end
local used = redis.call('ZCOUNT', key, floor, '+inf')
if charge and paused == 0 and used + phantom < limit then
  redis.call('ZADD', key, fmt(now), member)
  redis.call('PEXPIRE', key, @windowms)
  return {1, used + phantom + 1, limit - used - phantom - 1, 0, fmt(now), 0}
end
local retry = 0
if used >= limit then
  local frees = redis.call('ZRANGEBYSCORE', key, floor, '+inf', 'WITHSCORES', 'LIMIT', used - limit, 1)
  if frees[2] then retry = math.ceil((tonumber(frees[2]) + window - now) / 1000) end
  if retry < 1 then retry = 1 end
end
if phantom > 0 and used + phantom >= limit then
  local room = math.max(limit - used - 1, 0)
  local frees_at = lost + tonumber(@windowms) * (1 - room / limit)
  retry = math.max(retry, math.ceil(frees_at - now / 1000), 1)
end
if paused > retry then retry = paused end
return {0, used + phantom, math.max(limit - used - phantom, 0), retry, fmt(now), paused}
";

        // After a 429: pause the bucket until Redis's now + wait, unless a later pause is already
        // set (a shorter one never shortens it). The key expires at the pause's end (PEXPIREAT).
        // Returns {pause_end_ms, now_ms}.
        internal const string PauseLua = @"
local blocked = @blocked
local function fmt(x) return string.format('%.0f', x) end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local pause_end = now + tonumber(@waitms)
local current = tonumber(redis.call('GET', blocked) or '0') or 0
if pause_end > current then
  redis.call('SET', blocked, fmt(pause_end))
  redis.call('PEXPIREAT', blocked, fmt(pause_end))
  return {fmt(pause_end), fmt(now)}
end
return {fmt(current), fmt(now)}
";

        private static readonly LuaScript Script = LuaScript.Prepare(Lua);
        private static readonly LuaScript PauseScript = LuaScript.Prepare(PauseLua);

        private readonly string _configuration;
        private readonly string _endpoints;

        public RedisRequestLimiter(BudgetOptions options)
            : base(options)
        {
            _configuration = options.RedisConfiguration ?? throw new ArgumentException("A Redis configuration is required.", nameof(options));
            RedisConnections.ParseConfiguration(_configuration);
            _endpoints = RedisConnections.Describe(_configuration);
        }

        public override string StoreDescription => "Redis " + _endpoints;

        /// <summary>The sorted set that holds <paramref name="bucket"/>'s log.</summary>
        public static string KeyFor(LimiterBucket bucket) => KeyPrefix + RedisKeys.HashTag(bucket.Name);

        /// <summary>The key that pauses <paramref name="bucket"/> after a 429 (same cluster slot as its log).</summary>
        public static string BlockedKeyFor(LimiterBucket bucket) => KeyFor(bucket) + ":blocked";

        protected internal override async Task<DateTimeOffset> PauseAsync(LimiterBucket bucket, TimeSpan wait, CancellationToken cancellationToken)
        {
            var parameters = new PauseParameters { blocked = BlockedKeyFor(bucket), waitms = (long)Math.Ceiling(wait.TotalMilliseconds) };
            var values = await EvaluateAsync(bucket, PauseScript, () => parameters, SilentObserver.Instance, cancellationToken).ConfigureAwait(false);
            long end = long.Parse((string)values[0]!, NumberStyles.Integer, CultureInfo.InvariantCulture);
            long now = long.Parse((string)values[1]!, NumberStyles.Integer, CultureInfo.InvariantCulture);
            return Time.GetUtcNow() + TimeSpan.FromMilliseconds(end - now);
        }

        protected internal override async Task<PermitDecision> DecideAsync(LimiterBucket bucket, string attemptId, bool charge, ICallObserver observer, CancellationToken cancellationToken)
        {
            var memory = RedisMemory.For(_configuration);
            var values = await EvaluateAsync(
                bucket,
                Script,
                () => new ScriptParameters
                {
                    key = KeyFor(bucket),
                    blocked = BlockedKeyFor(bucket),
                    limit = Budget,
                    windowms = (long)Math.Ceiling(Window.TotalMilliseconds),
                    member = charge ? attemptId : string.Empty,
                    charge = charge ? "1" : "0",

                    // Read when the script runs: the marker check just before may have found the loss.
                    lostms = memory.LostAt?.ToUnixTimeMilliseconds() ?? 0,
                },
                observer,
                cancellationToken).ConfigureAwait(false);
            if (charge && memory.TakeWarning() is string forgot)
            {
                observer.Warning(forgot);
            }

            return new PermitDecision(
                allowed: (long)values[0] == 1,
                used: (int)(long)values[1],
                remaining: (int)(long)values[2],
                retryAfter: TimeSpan.FromMilliseconds((long)values[3]),
                storeTimeMicroseconds: long.Parse((string)values[4]!, NumberStyles.Integer, CultureInfo.InvariantCulture),
                pausedFor: TimeSpan.FromMilliseconds((long)values[5]));
        }

        /// <summary>Runs one script; an unreachable Redis is the fail-closed quota error (StackExchange.Redis's detail goes to -Verbose).</summary>
        private async Task<RedisResult[]> EvaluateAsync(LimiterBucket bucket, LuaScript script, Func<object> parameters, ICallObserver observer, CancellationToken cancellationToken)
        {
            try
            {
                var result = await RedisConnections.RunAsync(_configuration, db => script.EvaluateAsync(db, parameters()), cancellationToken).ConfigureAwait(false);
                return (RedisResult[])result!;
            }
            catch (RedisUnavailableException ex)
            {
                observer.Verbose($"Redis at {ex.Endpoints}: {ex.Detail}");
                throw LimiterErrors.RedisUnavailable(bucket, ex.Endpoints, ex.Reason, ex, Time.GetUtcNow());
            }
        }

        // LuaScript binds @name placeholders to these members; a RedisKey member becomes KEYS[n].
        private sealed class ScriptParameters
        {
#pragma warning disable IDE1006, SA1300 // names match the script's placeholders
            public RedisKey key { get; set; }

            public RedisKey blocked { get; set; }

            public int limit { get; set; }

            public long windowms { get; set; }

            public string member { get; set; } = string.Empty;

            public string charge { get; set; } = "0";

            public long lostms { get; set; }
#pragma warning restore IDE1006, SA1300
        }

        private sealed class PauseParameters
        {
#pragma warning disable IDE1006, SA1300 // names match the script's placeholders
            public RedisKey blocked { get; set; }

            public long waitms { get; set; }
#pragma warning restore IDE1006, SA1300
        }
    }
}
