using System;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;

namespace PinterestAds.Core.Auth
{
    /// <summary>
    /// Supplies the bearer token of one sign-in and decides when it must be renewed: before it
    /// expires (by <see cref="Policy"/>'s margin) and after Pinterest rejects it. The renewal itself
    /// is a <see cref="RefreshTransaction"/>; how a sign-in gets its first pair is <see cref="GrantStart"/>.
    /// </summary>
    internal sealed class TokenManager : IAccessTokenSource
    {
        private readonly TokenCache _cache;
        private readonly HeldGrant _held;
        private readonly RefreshTransaction? _refresh;
        private readonly TimeProvider _time;

        private TokenManager(TokenCache cache, OAuthClient? oauth, TokenEntry current, TokenRefreshPolicy policy, TimeProvider time)
        {
            _cache = cache;
            _held = new HeldGrant(current);
            _refresh = oauth is null ? null : new RefreshTransaction(cache, oauth, policy, time, _held);
            Policy = policy;
            _time = time;
        }

        public TokenRefreshPolicy Policy { get; }

        public TokenCacheKind CacheKind => _cache.Kind;

        public string? CachePath => _cache.FilePath;

        public bool CanRefresh => _refresh != null && Current.RefreshToken != null;

        public DateTimeOffset? AccessTokenExpiresOn => Current.AccessTokenExpiresOn;

        public DateTimeOffset? RefreshTokenExpiresOn => Current.RefreshTokenExpiresOn;

        public string? GrantedScope => Current.Scope;

        internal TokenEntry Current => _held.Current;

        /// <summary>A context that only has an access token: it is used until Pinterest rejects it.</summary>
        public static TokenManager ForAccessToken(TokenCache cache, string accessToken, TimeProvider time)
        {
            var entry = new TokenEntry { AccessToken = accessToken, UpdatedAt = time.GetUtcNow().ToUnixTimeSeconds() };
            return new TokenManager(cache, null, entry, TokenRefreshPolicy.Default, time);
        }

        /// <inheritdoc cref="GrantStart.FromRefreshTokenAsync"/>
        public static async Task<TokenManager> FromRefreshTokenAsync(
            TokenCache cache, OAuthClient oauth, string clientId, string apiBaseUri, string refreshToken, string? optionalAccessToken,
            TokenRefreshPolicy policy, TimeProvider time, ICallObserver observer, CancellationToken cancellationToken)
        {
            var entry = await GrantStart.FromRefreshTokenAsync(cache, oauth, clientId, apiBaseUri, refreshToken, optionalAccessToken, time, observer, cancellationToken).ConfigureAwait(false);
            return new TokenManager(cache, oauth, entry, policy, time);
        }

        /// <inheritdoc cref="GrantStart.FromAuthorizationCodeAsync"/>
        public static async Task<TokenManager> FromAuthorizationCodeAsync(
            TokenCache cache, OAuthClient oauth, string clientId, string apiBaseUri, string code, Uri redirectUri,
            TokenRefreshPolicy policy, TimeProvider time, ICallObserver observer, CancellationToken cancellationToken)
        {
            var entry = await GrantStart.FromAuthorizationCodeAsync(cache, oauth, clientId, apiBaseUri, code, redirectUri, time, observer, cancellationToken).ConfigureAwait(false);
            return new TokenManager(cache, oauth, entry, policy, time);
        }

        public async Task<string> GetAccessTokenAsync(ICallObserver observer, CancellationToken cancellationToken)
        {
            var current = Current;
            _held.ThrowIfForgotten();
            if (!CanRefresh || !Policy.NeedsRefresh(current, _time.GetUtcNow()))
            {
                return current.AccessToken!;
            }

            var renewed = await _refresh!.RunAsync(rejectedToken: null, observer, cancellationToken).ConfigureAwait(false);
            return renewed.AccessToken!;
        }

        public async Task<bool> RenewAfterRejectionAsync(string rejectedToken, ICallObserver observer, CancellationToken cancellationToken)
        {
            _held.ThrowIfForgotten();
            if (!CanRefresh)
            {
                return false;
            }

            try
            {
                var renewed = await _refresh!.RunAsync(rejectedToken, observer, cancellationToken).ConfigureAwait(false);
                return !string.Equals(renewed.AccessToken, rejectedToken, StringComparison.Ordinal);
            }
            catch (PinterestAdsException ex) when (RefreshTransaction.EndsSignIn(ex))
            {
                // The sign-in is over. The caller reports Pinterest's 401 in its documented shape
                // ("Pinterest Ads /ad_accounts returned 401", advice: run Connect-PinterestAds);
                // nothing is retried and no further refresh is attempted for this token.
                observer.Verbose(ex.Message);
                return false;
            }
        }

        /// <summary>Forgets the sign-in: in memory, and in the cache and the shared store (under the lock) so no later run can use it.</summary>
        public async Task ForgetAsync(ICallObserver observer, CancellationToken cancellationToken)
        {
            var forgotten = _held.Forget();
            if (forgotten.RefreshToken is null && _cache.Kind == TokenCacheKind.Memory)
            {
                return;
            }

            using (await _cache.LockAsync(forgotten.GrantKey, cancellationToken).ConfigureAwait(false))
            {
                var document = _cache.Read(observer);
                if (GrantLineage.RemoveWithDescendants(document, forgotten))
                {
                    _cache.Write(document);
                }

                // The pair shared with other machines goes too: the refresh token is forgotten everywhere.
                if (_cache.SharedTokens is ISharedTokenStore shared && forgotten.Lineage.Count > 0)
                {
                    try
                    {
                        await shared.ForgetAsync(forgotten, observer, cancellationToken).ConfigureAwait(false);
                    }
                    catch (PinterestAdsException ex) when (ex.Kind == FailureKind.Connection)
                    {
                        observer.Warning($"The shared token pair of this sign-in could not be removed from {shared.Description}: Redis could not be reached. It expires there by itself when its refresh token does.");
                    }
                }
            }
        }
    }
}
