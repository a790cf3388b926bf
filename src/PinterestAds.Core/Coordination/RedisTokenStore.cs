using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Auth;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using StackExchange.Redis;

namespace PinterestAds.Core.Coordination
{
    /// <summary>
    /// The shared token pair of a sign-in in Redis, for machines that start from the same refresh
    /// token (one grant, many runbook workers). One hash per lineage,
    /// <c>pinterestads:tokens:{&lt;client&gt;:&lt;locator&gt;}</c> with fields <c>g</c> (generation)
    /// and <c>e</c> (the sealed pair), plus one small alias per later refresh token of the lineage,
    /// <c>pinterestads:tokens:alias:{&lt;client&gt;:&lt;locator&gt;}</c>, so a worker given any
    /// refresh token of the lineage finds the newest pair.
    /// </summary>
    /// <remarks>
    /// <para>Redis alone never reveals a token, nor lets anyone confirm a guessed one: every key
    /// material comes from the client secret (which every worker of the sign-in has) through HKDF.
    /// The locator is an HMAC of a lineage hash under a key derived from the secret, the client id
    /// and the API base; the pair is sealed (<see cref="TokenEnvelope"/>) with keys derived from the
    /// same plus the lineage root, and the tag covers the Redis key and the generation. A value
    /// that does not authenticate is treated as absent (verbose message), never as an error.</para>
    /// <para>Writes are a compare-and-set on the generation (one Lua script); keys live as long as
    /// the refresh token they hold. Redis unreachable is an error (fail closed): without the shared
    /// pair a worker could spend a refresh token another worker already spent.</para>
    /// </remarks>
    internal sealed class RedisTokenStore : ISharedTokenStore
    {
        public const string KeyPrefix = "pinterestads:tokens:";
        public const string AliasPrefix = "pinterestads:tokens:alias:";

        /// <summary>How long a pair is kept when Pinterest did not say when its refresh token expires (a continuous refresh token lives 60 days).</summary>
        internal static readonly TimeSpan DefaultRefreshLifetime = TimeSpan.FromDays(60);

        private static readonly byte[] Salt = Encoding.ASCII.GetBytes("PinterestAds shared token store v1");

        private static readonly LuaScript CompareAndSetScript = LuaScript.Prepare(@"
local g = redis.call('HGET', @key, 'g') or '0'
if g ~= @expected then return {0, g} end
redis.call('HSET', @key, 'g', @next, 'e', @value)
redis.call('PEXPIRE', @key, @ttlms)
return {1, @next}
");

        private readonly string _configuration;
        private readonly string _clientId;
        private readonly string _apiBaseUri;
        private readonly string _scope;
        private readonly byte[] _prk;
        private readonly byte[] _locatorKey;
        private readonly TimeProvider _time;

        public RedisTokenStore(string configuration, string clientId, string apiBaseUri, string clientSecret, TimeProvider? time = null)
        {
            RedisConnections.ParseConfiguration(configuration);
            if (string.IsNullOrEmpty(clientSecret))
            {
                throw new ArgumentException("The shared token store needs the client secret to derive its keys.", nameof(clientSecret));
            }

            _configuration = configuration;
            _clientId = clientId;
            _apiBaseUri = apiBaseUri;
            _scope = clientId + "|" + apiBaseUri.ToLowerInvariant();
            _prk = Hkdf.Extract(Salt, Encoding.UTF8.GetBytes(clientSecret));
            _locatorKey = Hkdf.Expand(_prk, Encoding.UTF8.GetBytes("locator|" + _scope), 32);
            _time = time ?? TimeProvider.System;
            Description = "Redis " + RedisConnections.Describe(configuration);
        }

        public string Description { get; }

        /// <summary>The hash holding the pair of the lineage that starts with <paramref name="lineageRoot"/>.</summary>
        internal string EntryKey(string lineageRoot) => KeyPrefix + RedisKeys.HashTag(_clientId + ":" + Locator(lineageRoot));

        /// <summary>The alias a later refresh token of a lineage leaves, pointing at the root (sealed).</summary>
        internal string AliasKey(string refreshTokenHash) => AliasPrefix + RedisKeys.HashTag(_clientId + ":" + Locator(refreshTokenHash));

        public async Task<SharedTokenSnapshot> ReadAsync(string lineageRoot, ICallObserver observer, CancellationToken cancellationToken)
        {
            string key = EntryKey(lineageRoot);
            var fields = await RunAsync(db => db.HashGetAsync(key, new RedisValue[] { "g", "e" }), cancellationToken).ConfigureAwait(false);
            if (fields[0].IsNull)
            {
                return SharedTokenSnapshot.Absent;
            }

            long generation = long.TryParse((string?)fields[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out long g) ? g : 0;
            var entry = Open(key, lineageRoot, generation, (byte[]?)fields[1], observer);
            return new SharedTokenSnapshot(entry, generation, exists: true);
        }

        public async Task<SharedTokenSnapshot> FindDescendantAsync(string refreshToken, ICallObserver observer, CancellationToken cancellationToken)
        {
            string hash = TokenEntry.Hash(refreshToken);

            // The token may be the root of a lineage (the usual case: every worker starts from the
            // token in its secret store) ...
            var direct = await ReadAsync(hash, observer, cancellationToken).ConfigureAwait(false);
            if (direct.Entry != null)
            {
                return direct;
            }

            // ... or a later token of one, which left an alias to the root.
            string aliasKey = AliasKey(hash);
            byte[]? alias = await RunAsync(async db => (byte[]?)await db.StringGetAsync(aliasKey).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            if (alias is null)
            {
                return direct;
            }

            if (!TokenEnvelope.TryOpen(alias, AliasKeys(hash), aliasKey, out byte[] rootBytes))
            {
                observer.Verbose($"A shared token alias in {Description} could not be authenticated (another client secret, or it was altered); ignoring it.");
                return direct;
            }

            string root = Encoding.UTF8.GetString(rootBytes);
            var found = await ReadAsync(root, observer, cancellationToken).ConfigureAwait(false);
            return found.Entry != null && found.Entry.DescendsFrom(hash) ? found : direct;
        }

        public async Task<SharedTokenWrite> PublishAsync(TokenEntry entry, long expectedGeneration, ICallObserver observer, CancellationToken cancellationToken)
        {
            if (entry.RefreshToken is null || entry.Lineage.Count == 0)
            {
                return new SharedTokenWrite(false, expectedGeneration);
            }

            var ttl = TimeToLive(entry);
            if (ttl <= TimeSpan.Zero)
            {
                // The refresh token is dead already: nothing worth sharing.
                return new SharedTokenWrite(false, expectedGeneration);
            }

            string root = entry.Lineage[0];
            string key = EntryKey(root);
            long next = expectedGeneration + 1;
            var copy = entry.Clone();
            copy.SharedGeneration = next;
            byte[] plaintext = JsonSerializer.SerializeToUtf8Bytes(copy);
            byte[] sealedValue;
            try
            {
                sealedValue = TokenEnvelope.Seal(plaintext, EntryKeys(root), Associated(key, next));
            }
            finally
            {
                Array.Clear(plaintext, 0, plaintext.Length);
            }

            long ttlMs = Math.Max(1000, (long)ttl.TotalMilliseconds);
            var result = (RedisResult[])(await RunAsync(
                db => CompareAndSetScript.EvaluateAsync(db, new
                {
                    key = (RedisKey)key,
                    expected = Format(expectedGeneration),
                    next = Format(next),
                    value = sealedValue,
                    ttlms = Format(ttlMs),
                }),
                cancellationToken).ConfigureAwait(false))!;
            bool written = (long)result[0] == 1;
            long generation = long.TryParse((string?)result[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out long g) ? g : 0;
            if (!written)
            {
                return new SharedTokenWrite(false, generation);
            }

            // Aliases for every later token of the lineage, so a worker given any of them finds this pair.
            var aliases = entry.Lineage.Skip(1).Distinct(StringComparer.Ordinal).ToList();
            if (aliases.Count > 0)
            {
                byte[] rootBytes = Encoding.UTF8.GetBytes(root);
                var writes = aliases.Select(hash =>
                {
                    string aliasKey = AliasKey(hash);
                    return new KeyValuePair<string, byte[]>(aliasKey, TokenEnvelope.Seal(rootBytes, AliasKeys(hash), aliasKey));
                }).ToList();
                var expiry = TimeSpan.FromMilliseconds(ttlMs);

                // One key per alias (each has its own hash slot, so no multi-key command).
                await RunAsync(
                    async db =>
                    {
                        await Task.WhenAll(writes.Select(w => db.StringSetAsync(w.Key, w.Value, expiry))).ConfigureAwait(false);
                        return true;
                    },
                    cancellationToken).ConfigureAwait(false);
            }

            return new SharedTokenWrite(true, generation);
        }

        public async Task ForgetAsync(TokenEntry entry, ICallObserver observer, CancellationToken cancellationToken)
        {
            if (entry.Lineage.Count == 0)
            {
                return;
            }

            var keys = new List<string> { EntryKey(entry.Lineage[0]) };
            keys.AddRange(entry.Lineage.Skip(1).Distinct(StringComparer.Ordinal).Select(AliasKey));
            await RunAsync(
                async db =>
                {
                    await Task.WhenAll(keys.Select(k => db.KeyDeleteAsync(k))).ConfigureAwait(false);
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
            observer.Verbose($"Removed the shared tokens of this sign-in from {Description}.");
        }

        private TokenEntry? Open(string key, string lineageRoot, long generation, byte[]? sealedValue, ICallObserver observer)
        {
            if (!TokenEnvelope.TryOpen(sealedValue, EntryKeys(lineageRoot), Associated(key, generation), out byte[] plaintext))
            {
                observer.Verbose($"The shared tokens in {Description} could not be authenticated (another client secret, or the value was altered); ignoring them.");
                return null;
            }

            TokenEntry? entry;
            try
            {
                entry = JsonSerializer.Deserialize<TokenEntry>(plaintext);
            }
            catch (JsonException)
            {
                entry = null;
            }
            finally
            {
                Array.Clear(plaintext, 0, plaintext.Length);
            }

            if (entry is null || entry.RefreshToken is null || entry.Lineage.Count == 0
                || !string.Equals(entry.Lineage[0], lineageRoot, StringComparison.Ordinal)
                || !string.Equals(entry.ClientId, _clientId, StringComparison.Ordinal)
                || !string.Equals(entry.ApiBaseUri, _apiBaseUri, StringComparison.OrdinalIgnoreCase))
            {
                observer.Verbose($"The shared tokens in {Description} do not belong to this sign-in; ignoring them.");
                return null;
            }

            entry.SharedGeneration = generation;
            entry.RegisterSecrets();
            return entry;
        }

        private TimeSpan TimeToLive(TokenEntry entry)
        {
            var now = _time.GetUtcNow();
            return entry.RefreshTokenExpiresOn is DateTimeOffset expires ? expires - now : DefaultRefreshLifetime;
        }

        private string Locator(string lineageHash)
        {
            using var hmac = new HMACSHA256(_locatorKey);
            return Hashing.Hex(hmac.ComputeHash(Encoding.UTF8.GetBytes(lineageHash))).Substring(0, 32);
        }

        private TokenEnvelopeKeys EntryKeys(string lineageRoot) => TokenEnvelopeKeys.Derive(_prk, "entry|" + _scope + "|" + lineageRoot);

        private TokenEnvelopeKeys AliasKeys(string refreshTokenHash) => TokenEnvelopeKeys.Derive(_prk, "alias|" + _scope + "|" + refreshTokenHash);

        private static string Associated(string key, long generation) => key + "|" + Format(generation);

        private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

        private async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> operation, CancellationToken cancellationToken)
        {
            try
            {
                return await RedisConnections.RunAsync(_configuration, operation, cancellationToken).ConfigureAwait(false);
            }
            catch (RedisUnavailableException ex)
            {
                throw Unavailable(ex);
            }
        }

        internal static PinterestAdsException Unavailable(RedisUnavailableException ex) => new PinterestAdsException(
            UnavailableErrorId,
            FailureKind.LimitsExceeded,
            $"The sign-in could not be refreshed: its shared tokens are kept in Redis at {ex.Endpoints}, which is unreachable ({ex.Reason}). " +
            "Without them this machine might spend a refresh token another machine already spent, so nothing was refreshed; start Redis or restore the network path to it, then run the command again.",
            "Start Redis or restore the network path to it (PINTEREST_ADS_REDIS), then run the command again.",
            ex);

        internal const string UnavailableErrorId = "sharedTokensUnavailable";
    }
}
