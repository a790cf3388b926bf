using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace PinterestAds.Core.Coordination
{
    /// <summary>
    /// Notices a Redis that forgot the module's data: restarted without persistence, flushed, or
    /// evicting keys. A marker (<see cref="MarkerKey"/>) is written on first use; this process
    /// remembers its id, and so does this machine (in the state folder, for the next run). It is
    /// checked on every connect and reconnect and at most once a second while Redis is in use. A
    /// marker that is gone, or was written anew after we knew another, means the budget logs, the
    /// journal and the entity claims may be gone too: the loss is recorded in the marker itself,
    /// so every worker learns when it happened.
    /// </summary>
    public sealed class RedisMemory
    {
        public const string MarkerKey = "pinterestads:marker";

        /// <summary>
        /// How long a loss weighs on what follows: the journal's keys are treated as possibly
        /// forgotten for this long (the request budget counts conservatively for its own window).
        /// </summary>
        public static readonly TimeSpan Aftermath = TimeSpan.FromHours(1);

        private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);

        // Returns {marker id, lost ms or ''}: reads the marker, writes it when missing (with the
        // time of the loss when we knew an earlier one), and records a loss someone else's fresh
        // marker hid from them.
        private static readonly LuaScript CheckScript = LuaScript.Prepare(@"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local function fmt(x) return string.format('%.0f', x) end
local m = redis.call('HMGET', @marker, 'id', 'lost')
if m[1] then
  if @known ~= '' and m[1] ~= @known and not m[2] then
    redis.call('HSET', @marker, 'lost', fmt(now))
    return {m[1], fmt(now)}
  end
  return {m[1], m[2] or ''}
end
if @known ~= '' then
  redis.call('HSET', @marker, 'id', @fresh, 'since', fmt(now), 'lost', fmt(now))
  return {@fresh, fmt(now)}
end
redis.call('HSET', @marker, 'id', @fresh, 'since', fmt(now))
return {@fresh, ''}
");

        private static readonly ConcurrentDictionary<string, RedisMemory> All = new ConcurrentDictionary<string, RedisMemory>(StringComparer.Ordinal);

        private readonly object _gate = new object();
        private readonly string _endpoints;
        private string? _knownId;
        private bool _knownLoaded;
        private long _lostMs;
        private long _checkedAt = long.MinValue;
        private long _warnedFor;

        private RedisMemory(string endpoints)
        {
            _endpoints = endpoints;
        }

        /// <summary>When Redis was found to have lost the module's data (Redis's clock); null when it never was.</summary>
        public DateTimeOffset? LostAt
        {
            get
            {
                long lost = Interlocked.Read(ref _lostMs);
                return lost > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(lost) : (DateTimeOffset?)null;
            }
        }

        public static RedisMemory For(string configuration) => All.GetOrAdd(configuration, c => new RedisMemory(RedisConnections.Describe(c)));

        /// <summary>The warning about the latest loss, once per loss and process; null otherwise.</summary>
        public string? TakeWarning()
        {
            long lost = Interlocked.Read(ref _lostMs);
            if (lost == 0 || Interlocked.Exchange(ref _warnedFor, lost) == lost)
            {
                return null;
            }

            return $"Redis at {_endpoints} lost the module's data at {Limiting.Durations.Instant(DateTimeOffset.FromUnixTimeMilliseconds(lost))} " +
                "(it restarted without persistence, was flushed, or evicted keys). For the next hour the request budget is counted as if it had been used up " +
                "and frees at its steady rate, and a keyed write first looks for what an earlier run may have made. " +
                "To avoid this, run Redis with persistence (appendonly yes) and maxmemory-policy noeviction.";
        }

        /// <summary>Checks the marker on the next use (after a reconnect).</summary>
        internal void CheckSoon() => Interlocked.Exchange(ref _checkedAt, long.MinValue);

        /// <summary>Checks the marker if the last check is older than a second, or if <paramref name="force"/>.</summary>
        internal async Task CheckAsync(IDatabase database, bool force = false)
        {
            long now = Stopwatch.GetTimestamp();
            long last = Interlocked.Read(ref _checkedAt);
            if (!force && last != long.MinValue && now - last < CheckEvery.TotalSeconds * Stopwatch.Frequency)
            {
                return;
            }

            string known = KnownId() ?? string.Empty;
            var result = (RedisResult[])(await CheckScript.EvaluateAsync(database, new { marker = (RedisKey)MarkerKey, known, fresh = Guid.NewGuid().ToString("N") }).ConfigureAwait(false))!;
            string id = (string)result[0]!;
            if (long.TryParse((string?)result[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out long lost) && lost > 0)
            {
                Interlocked.Exchange(ref _lostMs, lost);
            }

            Interlocked.Exchange(ref _checkedAt, now);
            if (!string.Equals(id, known, StringComparison.Ordinal))
            {
                Remember(id);
            }
        }

        private string? KnownId()
        {
            lock (_gate)
            {
                if (!_knownLoaded)
                {
                    _knownLoaded = true;
                    _knownId = ReadMachineMemory();
                }

                return _knownId;
            }
        }

        private void Remember(string id)
        {
            lock (_gate)
            {
                _knownId = id;
            }

            try
            {
                string path = MachineMemoryPath();
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, id);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // This process still remembers; only the next run on this machine will not.
            }
        }

        private string? ReadMachineMemory()
        {
            try
            {
                string path = MachineMemoryPath();
                return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return null;
            }
        }

        private string MachineMemoryPath() => Path.Combine(StatePaths.DefaultRoot(), "redis", StatePaths.Digest(_endpoints) + ".marker");
    }
}
