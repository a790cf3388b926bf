using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using PinterestAds.Core.Coordination;
using PinterestAds.Core.Diagnostics;

namespace PinterestAds.Core.Auth
{
    /// <summary>
    /// One sign-in (grant) as the token cache stores it: the current token pair, when each part
    /// expires, and the lineage — hashes of every refresh token this pair descends from, so a
    /// runbook that always starts from the refresh token it was given finds the rotated successor.
    /// </summary>
    internal sealed class TokenEntry
    {
        /// <summary>How many ancestor hashes are kept; a long-lived grant rotates once a month at most.</summary>
        internal const int MaxLineage = 64;

        [JsonPropertyName("grantId")]
        public string GrantId { get; set; } = Guid.NewGuid().ToString("N");

        [JsonPropertyName("clientId")]
        public string ClientId { get; set; } = string.Empty;

        [JsonPropertyName("apiBaseUri")]
        public string ApiBaseUri { get; set; } = string.Empty;

        [JsonPropertyName("accessToken")]
        public string? AccessToken { get; set; }

        [JsonPropertyName("accessTokenIssuedAt")]
        public long? AccessTokenIssuedAt { get; set; }

        [JsonPropertyName("accessTokenExpiresAt")]
        public long? AccessTokenExpiresAt { get; set; }

        [JsonPropertyName("refreshToken")]
        public string? RefreshToken { get; set; }

        [JsonPropertyName("refreshTokenIssuedAt")]
        public long? RefreshTokenIssuedAt { get; set; }

        [JsonPropertyName("refreshTokenExpiresAt")]
        public long? RefreshTokenExpiresAt { get; set; }

        [JsonPropertyName("scope")]
        public string? Scope { get; set; }

        /// <summary>SHA-256 (hex) of the refresh tokens this pair descends from, oldest first.</summary>
        [JsonPropertyName("lineage")]
        public List<string> Lineage { get; set; } = new List<string>();

        [JsonPropertyName("updatedAt")]
        public long UpdatedAt { get; set; }

        /// <summary>
        /// The generation of this pair in the shared token store (Redis), 0 when it was never
        /// shared. A machine takes a shared pair whose generation is newer than the one it holds.
        /// </summary>
        [JsonPropertyName("sharedGeneration")]
        public long SharedGeneration { get; set; }

        [JsonIgnore]
        public DateTimeOffset? AccessTokenExpiresOn => FromUnix(AccessTokenExpiresAt);

        [JsonIgnore]
        public DateTimeOffset? RefreshTokenExpiresOn => FromUnix(RefreshTokenExpiresAt);

        /// <summary>The key other machines share for this grant: the app and the first token of the lineage.</summary>
        [JsonIgnore]
        public string GrantKey => ClientId + ":" + (Lineage.Count > 0 ? Lineage[0].Substring(0, 16) : GrantId);

        public static string Hash(string refreshToken) => Hashing.Sha256Hex(refreshToken);

        /// <summary>
        /// Tells the redactor both tokens, where tokens enter this process: Pinterest's token response
        /// (OAuthClient), the token cache (TokenCache.Read) and the shared store (RedisTokenStore).
        /// </summary>
        public void RegisterSecrets()
        {
            SecretRedactor.Register(AccessToken);
            SecretRedactor.Register(RefreshToken);
        }

        public bool DescendsFrom(string refreshTokenHash) => Lineage.Contains(refreshTokenHash, StringComparer.Ordinal);

        /// <summary>Adds a refresh token to the lineage (the supplied one, and every rotated successor).</summary>
        public void AddToLineage(string refreshToken)
        {
            string hash = Hash(refreshToken);
            if (!Lineage.Contains(hash, StringComparer.Ordinal))
            {
                Lineage.Add(hash);
            }

            // Keep the root (the grant key) and the most recent ancestors.
            while (Lineage.Count > MaxLineage)
            {
                Lineage.RemoveAt(1);
            }
        }

        public TokenEntry Clone()
        {
            var copy = (TokenEntry)MemberwiseClone();
            copy.Lineage = new List<string>(Lineage);
            return copy;
        }

        private static DateTimeOffset? FromUnix(long? seconds) => seconds is long s ? DateTimeOffset.FromUnixTimeSeconds(s) : null;
    }

    /// <summary>What the cache holds: every grant this user keeps, of any app and deployment.</summary>
    internal sealed class TokenCacheDocument
    {
        /// <summary>Grants not refreshed for this long are dropped (a continuous refresh token lives 60 days).</summary>
        internal static readonly TimeSpan StaleAfter = TimeSpan.FromDays(90);

        [JsonPropertyName("version")]
        public int Version { get; set; } = 1;

        [JsonPropertyName("grants")]
        public List<TokenEntry> Grants { get; set; } = new List<TokenEntry>();

        public TokenEntry? Find(string grantId) => Grants.FirstOrDefault(g => g.GrantId == grantId);

        /// <summary>The newest grant of this app and deployment that descends from <paramref name="refreshToken"/>.</summary>
        public TokenEntry? FindDescendant(string clientId, string apiBaseUri, string refreshToken)
        {
            string hash = TokenEntry.Hash(refreshToken);
            return Grants
                .Where(g => g.ClientId == clientId && string.Equals(g.ApiBaseUri, apiBaseUri, StringComparison.OrdinalIgnoreCase) && g.DescendsFrom(hash))
                .OrderByDescending(g => g.UpdatedAt)
                .FirstOrDefault();
        }

        public void Put(TokenEntry entry)
        {
            Grants.RemoveAll(g => g.GrantId == entry.GrantId);
            Grants.Add(entry.Clone());
        }

        public bool Remove(string grantId) => Grants.RemoveAll(g => g.GrantId == grantId) > 0;

        public void Prune(DateTimeOffset now)
        {
            long nowSeconds = now.ToUnixTimeSeconds();
            long staleBefore = (now - StaleAfter).ToUnixTimeSeconds();
            Grants.RemoveAll(g => g.UpdatedAt < staleBefore || (g.RefreshTokenExpiresAt is long expires && expires < nowSeconds));
        }
    }
}
