using System;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Auth
{
    /// <summary>
    /// One renewal of a held grant, run entirely inside the cache lock (semaphore + CrossPlatLock +
    /// optional <see cref="IRefreshCoordinator"/>, see <see cref="TokenCache.LockAsync"/>). Pinterest
    /// rotates refresh tokens, which dictates the order: re-read the cache first, and with Redis the
    /// shared pair too (<see cref="SharedGrant"/>), because another process or machine may have
    /// refreshed while we waited and then its token is used without any network call; and store the
    /// rotated refresh token (shared store, then local cache) before the lock is released, because
    /// the next holder must never spend the token we just spent.
    /// </summary>
    internal sealed class RefreshTransaction
    {
        private const string SignInRemovedId = "signInRemoved";

        private readonly TokenCache _cache;
        private readonly OAuthClient _oauth;
        private readonly TokenRefreshPolicy _policy;
        private readonly TimeProvider _time;
        private readonly HeldGrant _held;

        public RefreshTransaction(TokenCache cache, OAuthClient oauth, TokenRefreshPolicy policy, TimeProvider time, HeldGrant held)
        {
            _cache = cache;
            _oauth = oauth;
            _policy = policy;
            _time = time;
            _held = held;
        }

        /// <summary>True for the failures after which this sign-in can never be renewed: run Connect-PinterestAds again.</summary>
        public static bool EndsSignIn(PinterestAdsException ex) => ex.ErrorId == OAuthClient.InvalidGrantId || ex.ErrorId == SignInRemovedId;

        /// <summary>
        /// Renews the held pair and holds the result. <paramref name="rejectedToken"/> is the access
        /// token Pinterest just refused (null for a refresh before expiry): a cached pair still
        /// carrying it is not good enough.
        /// </summary>
        public async Task<TokenEntry> RunAsync(string? rejectedToken, ICallObserver observer, CancellationToken cancellationToken)
        {
            var before = _held.Current;
            using (await _cache.LockAsync(before.GrantKey, cancellationToken).ConfigureAwait(false))
            {
                _held.ThrowIfForgotten();
                var document = _cache.Read(observer);
                var stored = GrantLineage.FindStored(document, before);
                var now = _time.GetUtcNow();

                // With Redis, other machines share this grant: if one of them renewed, the refresh
                // token this machine holds is dead, so take their pair (still before any network call).
                var shared = await SharedGrant.ReadAsync(_cache.SharedTokens, stored ?? before, observer, cancellationToken).ConfigureAwait(false);
                bool tookShared = false;
                if (shared?.Entry != null && SharedGrant.IsNewer(shared.Entry, stored ?? before))
                {
                    stored = SharedGrant.Adopt(shared.Entry, stored ?? before, now);
                    _cache.Store(document, stored, now);
                    observer.Verbose(SharedGrant.TookSharedPair);
                    tookShared = true;
                }
                else if (shared?.Entry != null && stored != null && SharedGrant.IsBehind(shared.Entry, stored))
                {
                    // An earlier write to the shared store failed after this machine renewed: catch it up.
                    await SharedGrant.PublishAsync(_cache.SharedTokens, stored, shared.Generation, observer, cancellationToken).ConfigureAwait(false);
                    _cache.Store(document, stored, now);
                }

                if (stored is null && GrantLineage.WasPersisted(before))
                {
                    // Gone from the cache: another session disconnected it, or hit a dead grant.
                    throw SignInRemoved();
                }

                if (stored != null && IsStillGood(stored, rejectedToken, now))
                {
                    if (!tookShared && !string.Equals(stored.AccessToken, before.AccessToken, StringComparison.Ordinal))
                    {
                        observer.Verbose("The Pinterest token was refreshed by another process or session already; using that token.");
                    }

                    return _held.Adopt(stored);
                }

                var basis = stored ?? before;
                var fresh = GrantLineage.Successor(basis, await RedeemAsync(basis, document, observer, cancellationToken).ConfigureAwait(false));
                fresh.SharedGeneration = basis.SharedGeneration;

                // The rotated pair goes to the shared store, then the local cache, both before the locks are released.
                await SharedGrant.PublishAsync(_cache.SharedTokens, fresh, shared?.Generation ?? 0, observer, cancellationToken).ConfigureAwait(false);
                _cache.Store(document, fresh, now);
                observer.Verbose($"Refreshed the Pinterest access token{(fresh.AccessTokenExpiresOn is DateTimeOffset e ? $"; it expires {e:u}" : string.Empty)}.");
                return _held.Adopt(fresh);
            }
        }

        private bool IsStillGood(TokenEntry stored, string? rejectedToken, DateTimeOffset now) =>
            stored.AccessToken != null
            && !_policy.NeedsRefresh(stored, now)
            && (rejectedToken is null || !string.Equals(stored.AccessToken, rejectedToken, StringComparison.Ordinal));

        /// <summary>Spends the refresh token of <paramref name="basis"/>. A dead grant is dropped from <paramref name="document"/> (and the cache) so no process keeps spending it.</summary>
        private async Task<TokenEntry> RedeemAsync(TokenEntry basis, TokenCacheDocument document, ICallObserver observer, CancellationToken cancellationToken)
        {
            try
            {
                return await _oauth.RefreshAsync(basis.RefreshToken!, observer, cancellationToken).ConfigureAwait(false);
            }
            catch (PinterestAdsException ex) when (ex.ErrorId == OAuthClient.InvalidGrantId)
            {
                if (document.Remove(basis.GrantId))
                {
                    _cache.Write(document);
                }

                throw;
            }
        }

        private static PinterestAdsException SignInRemoved() => new PinterestAdsException(
            SignInRemovedId,
            FailureKind.Authentication,
            "This sign-in is no longer in the token cache: another session disconnected it, or Pinterest rejected its refresh token. Run Connect-PinterestAds again.",
            "Run Connect-PinterestAds again to sign in.");
    }
}
