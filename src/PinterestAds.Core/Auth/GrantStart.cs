using System;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;

namespace PinterestAds.Core.Auth
{
    /// <summary>How a sign-in obtains its first token pair and enters it into the cache.</summary>
    internal static class GrantStart
    {
        /// <summary>
        /// Starts from a refresh token the caller was given. If the cache, or with Redis the shared
        /// store, holds a pair that descends from it (an earlier run, here or on another machine,
        /// rotated it), the newest such pair is used and nothing is spent; otherwise the token is
        /// redeemed once, inside the lock, and the new pair is stored with its lineage.
        /// </summary>
        public static async Task<TokenEntry> FromRefreshTokenAsync(
            TokenCache cache, OAuthClient oauth, string clientId, string apiBaseUri, string refreshToken, string? optionalAccessToken,
            TimeProvider time, ICallObserver observer, CancellationToken cancellationToken)
        {
            var supplied = GrantLineage.Root(clientId, apiBaseUri, refreshToken);
            using (await cache.LockAsync(supplied.GrantKey, cancellationToken).ConfigureAwait(false))
            {
                var document = cache.Read(observer);
                var cached = document.FindDescendant(clientId, apiBaseUri, refreshToken);
                if (cached?.RefreshToken is null)
                {
                    cached = null;
                }

                // With Redis, a pair another machine obtained from this token (or from a successor
                // of it) wins over spending the token here, and over an older pair in the local cache.
                SharedTokenSnapshot? shared = null;
                if (cache.SharedTokens != null)
                {
                    shared = await cache.SharedTokens.FindDescendantAsync(refreshToken, observer, cancellationToken).ConfigureAwait(false);
                    if (shared.Entry != null && SharedGrant.IsNewer(shared.Entry, cached))
                    {
                        var adopted = SharedGrant.Adopt(shared.Entry, cached, time.GetUtcNow());
                        cache.Store(document, adopted, time.GetUtcNow());
                        observer.Verbose(adopted.RefreshToken == refreshToken
                            ? "Using the token pair shared through Redis for this refresh token."
                            : "Another machine renewed this sign-in already; using the token pair it shared through Redis instead of spending the supplied refresh token.");
                        return adopted.Clone();
                    }
                }

                if (cached != null)
                {
                    observer.Verbose(cached.RefreshToken == refreshToken
                        ? "Using the cached tokens of this refresh token."
                        : "The token cache holds the rotated successor of this refresh token (an earlier run refreshed it); using it instead of the spent original.");
                    return cached.Clone();
                }

                if (optionalAccessToken != null)
                {
                    // Both were supplied and nothing is cached: trust the access token until it is
                    // rejected or unknown-aged; the refresh token stays unspent until needed.
                    supplied.AccessToken = optionalAccessToken;
                    supplied.UpdatedAt = time.GetUtcNow().ToUnixTimeSeconds();
                    await SharedGrant.PublishAsync(cache.SharedTokens, supplied, shared?.Generation ?? 0, observer, cancellationToken).ConfigureAwait(false);
                    cache.Store(document, supplied, time.GetUtcNow());
                    return supplied;
                }

                var issued = await oauth.RefreshAsync(refreshToken, observer, cancellationToken).ConfigureAwait(false);
                var fresh = GrantLineage.Successor(supplied, issued);
                await SharedGrant.PublishAsync(cache.SharedTokens, fresh, shared?.Generation ?? 0, observer, cancellationToken).ConfigureAwait(false);
                cache.Store(document, fresh, time.GetUtcNow());
                return fresh;
            }
        }

        /// <summary>Redeems an authorization code (browser sign-in) and stores the new grant.</summary>
        public static async Task<TokenEntry> FromAuthorizationCodeAsync(
            TokenCache cache, OAuthClient oauth, string clientId, string apiBaseUri, string code, Uri redirectUri,
            TimeProvider time, ICallObserver observer, CancellationToken cancellationToken)
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

                // Without a refresh token there is nothing to renew, so nothing another process could share.
                if (fresh.RefreshToken != null)
                {
                    await SharedGrant.PublishAsync(cache.SharedTokens, fresh, 0, observer, cancellationToken).ConfigureAwait(false);
                    cache.Store(document, fresh, time.GetUtcNow());
                }
            }

            return fresh;
        }
    }
}
