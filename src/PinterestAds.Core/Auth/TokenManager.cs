using System;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;

namespace PinterestAds.Core.Auth
{
    /// <summary>
    /// Supplies the bearer token of one sign-in and keeps it fresh. A refresh runs inside the cache
    /// lock (semaphore + CrossPlatLock + optional coordinator): it re-reads the cache first — another
    /// process may have refreshed already, and then its token is used without any network call —
    /// and it stores the rotated refresh token before the lock is released.
    /// </summary>
    internal sealed class TokenManager : IAccessTokenSource
    {
        private readonly TokenCache _cache;
        private readonly OAuthClient? _oauth;
        private readonly TimeProvider _time;
        private readonly object _sync = new object();
        private TokenEntry _current;
        private bool _forgotten;

        private TokenManager(TokenCache cache, OAuthClient? oauth, TokenEntry current, TokenRefreshPolicy policy, TimeProvider time)
        {
            _cache = cache;
            _oauth = oauth;
            _current = current;
            Policy = policy;
            _time = time;
        }

        public TokenRefreshPolicy Policy { get; }

        public TokenCacheKind CacheKind => _cache.Kind;

        public string? CachePath => _cache.FilePath;

        public bool CanRefresh => _oauth != null && Current.RefreshToken != null;

        public DateTimeOffset? AccessTokenExpiresOn => Current.AccessTokenExpiresOn;

        public DateTimeOffset? RefreshTokenExpiresOn => Current.RefreshTokenExpiresOn;

        public string? GrantedScope => Current.Scope;

        internal TokenEntry Current
        {
            get
            {
                lock (_sync)
                {
                    return _current;
                }
            }
        }

        /// <summary>A context that only has an access token: it is used until Pinterest rejects it.</summary>
        public static TokenManager ForAccessToken(TokenCache cache, string accessToken, TimeProvider time)
        {
            SecretRedactor.Register(accessToken);
            var entry = new TokenEntry { AccessToken = accessToken, UpdatedAt = time.GetUtcNow().ToUnixTimeSeconds() };
            return new TokenManager(cache, null, entry, TokenRefreshPolicy.Default, time);
        }

        /// <summary>
        /// Starts from a refresh token the caller was given. If the cache holds a pair that descends
        /// from it (an earlier run rotated it), that pair is used and nothing is spent; otherwise the
        /// token is redeemed once, inside the lock, and the new pair is stored with its lineage.
        /// </summary>
        public static async Task<TokenManager> FromRefreshTokenAsync(
            TokenCache cache, OAuthClient oauth, string clientId, string apiBaseUri, string refreshToken, string? optionalAccessToken,
            TokenRefreshPolicy policy, TimeProvider time, ICallObserver observer, CancellationToken cancellationToken)
        {
            SecretRedactor.Register(refreshToken);
            SecretRedactor.Register(optionalAccessToken);
            string rootKey = clientId + ":" + TokenEntry.Hash(refreshToken).Substring(0, 16);
            using (await cache.LockAsync(rootKey, cancellationToken).ConfigureAwait(false))
            {
                var document = cache.Read(observer);
                if (document.FindDescendant(clientId, apiBaseUri, refreshToken) is TokenEntry cached && cached.RefreshToken != null)
                {
                    SecretRedactor.Register(cached.AccessToken);
                    SecretRedactor.Register(cached.RefreshToken);
                    observer.Verbose(cached.RefreshToken == refreshToken
                        ? "Using the cached tokens of this refresh token."
                        : "The token cache holds the rotated successor of this refresh token (an earlier run refreshed it); using it instead of the spent original.");
                    return new TokenManager(cache, oauth, cached.Clone(), policy, time);
                }

                if (optionalAccessToken != null)
                {
                    // Both were supplied and nothing is cached: trust the access token until it is
                    // rejected or unknown-aged; the refresh token stays unspent until needed.
                    var entry = new TokenEntry
                    {
                        ClientId = clientId,
                        ApiBaseUri = apiBaseUri,
                        AccessToken = optionalAccessToken,
                        RefreshToken = refreshToken,
                        UpdatedAt = time.GetUtcNow().ToUnixTimeSeconds(),
                    };
                    entry.AddToLineage(refreshToken);
                    document.Prune(time.GetUtcNow());
                    document.Put(entry);
                    cache.Write(document);
                    return new TokenManager(cache, oauth, entry, policy, time);
                }

                var fresh = await oauth.RefreshAsync(refreshToken, observer, cancellationToken).ConfigureAwait(false);
                fresh.ClientId = clientId;
                fresh.ApiBaseUri = apiBaseUri;
                fresh.AddToLineage(refreshToken);
                if (fresh.RefreshToken is null)
                {
                    fresh.RefreshToken = refreshToken;
                }
                else
                {
                    fresh.AddToLineage(fresh.RefreshToken);
                }

                document.Prune(time.GetUtcNow());
                document.Put(fresh);
                cache.Write(document);
                return new TokenManager(cache, oauth, fresh, policy, time);
            }
        }

        /// <summary>Redeems an authorization code (browser sign-in) and stores the new grant.</summary>
        public static async Task<TokenManager> FromAuthorizationCodeAsync(
            TokenCache cache, OAuthClient oauth, string clientId, string apiBaseUri, string code, Uri redirectUri,
            TokenRefreshPolicy policy, TimeProvider time, ICallObserver observer, CancellationToken cancellationToken)
        {
            var fresh = await oauth.ExchangeCodeAsync(code, redirectUri, observer, cancellationToken).ConfigureAwait(false);
            fresh.ClientId = clientId;
            fresh.ApiBaseUri = apiBaseUri;
            if (fresh.RefreshToken != null)
            {
                fresh.AddToLineage(fresh.RefreshToken);
            }

            using (await cache.LockAsync(fresh.GrantKey, cancellationToken).ConfigureAwait(false))
            {
                var document = cache.Read(observer);
                document.Prune(time.GetUtcNow());
                if (fresh.RefreshToken != null)
                {
                    document.Put(fresh);
                    cache.Write(document);
                }
            }

            return new TokenManager(cache, oauth, fresh, policy, time);
        }

        public async Task<string> GetAccessTokenAsync(ICallObserver observer, CancellationToken cancellationToken)
        {
            var current = Current;
            ThrowIfForgotten();
            if (!CanRefresh || !Policy.NeedsRefresh(current, _time.GetUtcNow()))
            {
                return current.AccessToken!;
            }

            var renewed = await RenewAsync(rejectedToken: null, observer, cancellationToken).ConfigureAwait(false);
            return renewed.AccessToken!;
        }

        public async Task<bool> RenewAfterRejectionAsync(string rejectedToken, ICallObserver observer, CancellationToken cancellationToken)
        {
            ThrowIfForgotten();
            if (!CanRefresh)
            {
                return false;
            }

            try
            {
                var renewed = await RenewAsync(rejectedToken, observer, cancellationToken).ConfigureAwait(false);
                return !string.Equals(renewed.AccessToken, rejectedToken, StringComparison.Ordinal);
            }
            catch (PinterestAdsException ex) when (ex.ErrorId == "invalidGrant" || ex.ErrorId == SignInRemovedId)
            {
                // The sign-in is over. The caller reports Pinterest's 401 in its documented shape
                // ("Pinterest Ads /ad_accounts returned 401", advice: run Connect-PinterestAds);
                // nothing is retried and no further refresh is attempted for this token.
                observer.Verbose(ex.Message);
                return false;
            }
        }

        /// <summary>Forgets the sign-in: in memory, and in the cache (under the lock) so no later run can use it.</summary>
        public async Task ForgetAsync(ICallObserver observer, CancellationToken cancellationToken)
        {
            var current = Current;
            lock (_sync)
            {
                _forgotten = true;
                _current = new TokenEntry { ClientId = current.ClientId, ApiBaseUri = current.ApiBaseUri, GrantId = current.GrantId };
            }

            if (current.RefreshToken is null && _cache.Kind == TokenCacheKind.Memory)
            {
                return;
            }

            using (await _cache.LockAsync(current.GrantKey, cancellationToken).ConfigureAwait(false))
            {
                var document = _cache.Read(observer);
                bool removed = document.Remove(current.GrantId);

                // Also forget other cached grants descending from the same refresh token.
                if (current.RefreshToken != null)
                {
                    while (document.FindDescendant(current.ClientId, current.ApiBaseUri, current.RefreshToken) is TokenEntry other)
                    {
                        removed |= document.Remove(other.GrantId);
                    }
                }

                if (removed)
                {
                    _cache.Write(document);
                }
            }
        }

        /// <summary>
        /// The refresh transaction. <paramref name="rejectedToken"/> is the access token Pinterest
        /// just refused (null for a refresh before expiry).
        /// </summary>
        private async Task<TokenEntry> RenewAsync(string? rejectedToken, ICallObserver observer, CancellationToken cancellationToken)
        {
            var before = Current;
            using (await _cache.LockAsync(before.GrantKey, cancellationToken).ConfigureAwait(false))
            {
                ThrowIfForgotten();

                // Re-read first: another process (or context) may have refreshed while we waited.
                var document = _cache.Read(observer);
                var stored = document.Find(before.GrantId);
                if (stored is null && before.RefreshToken != null)
                {
                    // This grant was stored under another id (e.g. by a process that started from the same token).
                    stored = document.FindDescendant(before.ClientId, before.ApiBaseUri, before.RefreshToken);
                }

                if (stored is null && WasPersisted(before))
                {
                    // Gone from the cache: another session disconnected it, or hit a dead grant.
                    throw SignInRemoved();
                }

                var now = _time.GetUtcNow();
                if (stored?.AccessToken != null && !Policy.NeedsRefresh(stored, now)
                    && (rejectedToken is null || !string.Equals(stored.AccessToken, rejectedToken, StringComparison.Ordinal)))
                {
                    SecretRedactor.Register(stored.AccessToken);
                    SecretRedactor.Register(stored.RefreshToken);
                    if (!string.Equals(stored.AccessToken, before.AccessToken, StringComparison.Ordinal))
                    {
                        observer.Verbose("The Pinterest token was refreshed by another process or session already; using that token.");
                    }

                    return Adopt(stored);
                }

                var basis = stored ?? before;
                TokenEntry fresh;
                try
                {
                    fresh = await _oauth!.RefreshAsync(basis.RefreshToken!, observer, cancellationToken).ConfigureAwait(false);
                }
                catch (PinterestAdsException ex) when (ex.ErrorId == "invalidGrant")
                {
                    // The grant is dead: drop it so no process keeps spending it, and stop here.
                    if (document.Remove(basis.GrantId))
                    {
                        _cache.Write(document);
                    }

                    throw;
                }

                fresh.GrantId = basis.GrantId;
                fresh.ClientId = basis.ClientId;
                fresh.ApiBaseUri = basis.ApiBaseUri;
                fresh.Lineage = new System.Collections.Generic.List<string>(basis.Lineage);
                if (fresh.RefreshToken is null)
                {
                    // Pinterest always rotates; keep the old one if a deployment does not.
                    fresh.RefreshToken = basis.RefreshToken;
                    fresh.RefreshTokenIssuedAt = basis.RefreshTokenIssuedAt;
                    fresh.RefreshTokenExpiresAt = basis.RefreshTokenExpiresAt;
                }
                else
                {
                    fresh.AddToLineage(fresh.RefreshToken);
                }

                fresh.Scope ??= basis.Scope;

                // Store the rotated refresh token before the lock is released.
                document.Prune(now);
                document.Put(fresh);
                _cache.Write(document);
                observer.Verbose($"Refreshed the Pinterest access token{(fresh.AccessTokenExpiresOn is DateTimeOffset e ? $"; it expires {e:u}" : string.Empty)}.");
                return Adopt(fresh);
            }
        }

        private TokenEntry Adopt(TokenEntry entry)
        {
            var copy = entry.Clone();
            lock (_sync)
            {
                _current = copy;
            }

            return copy;
        }

        private bool WasPersisted(TokenEntry entry) => entry.Lineage.Count > 0;

        private void ThrowIfForgotten()
        {
            if (_forgotten)
            {
                throw PinterestAdsException.NotConnected();
            }
        }

        private const string SignInRemovedId = "signInRemoved";

        private static PinterestAdsException SignInRemoved() => new PinterestAdsException(
            SignInRemovedId,
            FailureKind.Authentication,
            "This sign-in is no longer in the token cache: another session disconnected it, or Pinterest rejected its refresh token. Run Connect-PinterestAds again.",
            "Run Connect-PinterestAds again to sign in.");
    }
}
