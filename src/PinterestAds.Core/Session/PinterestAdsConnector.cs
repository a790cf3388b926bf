using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Reading;
using PinterestAds.Core.Auth;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Http;
using PinterestAds.Core.Limiting;

namespace PinterestAds.Core.Session
{
    /// <summary>A browser sign-in in progress: the page to open, and the listener waiting for the redirect.</summary>
    internal sealed class BrowserSignIn : IDisposable
    {
        internal BrowserSignIn(Uri authorizeUri, string state, LoopbackRedirectListener listener)
        {
            AuthorizeUri = authorizeUri;
            State = state;
            Listener = listener;
        }

        /// <summary>The Pinterest page the user signs in on (holds no secret).</summary>
        public Uri AuthorizeUri { get; }

        internal string State { get; }

        internal LoopbackRedirectListener Listener { get; }

        public TimeSpan Timeout { get; set; } = LoopbackRedirectListener.DefaultTimeout;

        public void Dispose() => Listener.Dispose();
    }

    /// <summary>
    /// Builds a context: token cache → tokens (by the chosen sign-in) → pipeline → the
    /// <c>GET /ad_accounts</c> probe. Everything is validated before the first request.
    /// </summary>
    internal static class PinterestAdsConnector
    {
        /// <summary>Starts listening on the redirect URI and builds the authorize page address (nothing is sent).</summary>
        public static BrowserSignIn BeginBrowserSignIn(ConnectSettings settings)
        {
            string state = AuthorizeUri.NewState();
            var listener = LoopbackRedirectListener.Start(settings.RedirectUri);
            var uri = AuthorizeUri.Build(settings.Endpoint.AuthorizeUri, settings.ClientId, settings.RedirectUri, settings.Scopes, state);
            return new BrowserSignIn(uri, state, listener);
        }

        public static async Task<PinterestAdsContext> ConnectAsync(ConnectSettings settings, BrowserSignIn? browser, ICallObserver observer, CancellationToken cancellationToken)
        {
            // Everything that can refuse the settings does so before the first request.
            var limiter = SessionWiring.CreateLimiter(settings.Budget);
            var coordinator = SessionWiring.CreateRefreshCoordinator(settings.Budget);
            var journal = SessionWiring.CreateJournal(settings.Budget, settings.ClientId);
            var storage = TokenCacheFactory.Open(settings.TokenCacheFolder, observer, settings.TryEncryptedCache);
            var sharedTokens = SessionWiring.CreateSharedTokenStore(settings.Budget, settings.ClientId, settings.Endpoint.BaseUri.ToString(), settings.ClientSecret);
            var cache = new TokenCache(storage, coordinator, sharedTokens);

            // The token call shares the transport, so it takes a permit like every request;
            // ordinary calls retry through the budget's strategy, the token call never does.
            var transport = new ApiTransport(settings.Endpoint, settings.ClientId, SharedHttpClient.Instance, limiter, settings.Time, settings.RequestTimeout);
            var tokens = await SignInAsync(settings, browser, cache, transport, observer, cancellationToken).ConfigureAwait(false);
            var pipeline = new RequestPipeline(transport, tokens, SessionWiring.CreateAttemptStrategy(settings.Budget), journal, settings.Time);
            var context = new PinterestAdsContext(settings.ClientId, settings.Endpoint, pipeline, tokens, limiter, settings.Budget, settings.Method, settings.Scopes);

            var accounts = new List<AdAccount>();
            await foreach (var account in AdAccountService.ListAsync(context, Paginator.MaxPageSize, observer, cancellationToken).ConfigureAwait(false))
            {
                accounts.Add(account);
            }

            context.SetAdAccounts(accounts);
            observer.Verbose(
                $"Connected to Pinterest Ads ({settings.Endpoint.Environment}, {settings.Endpoint.BaseUri}) as app {settings.ClientId}: " +
                $"{context.AdAccountIds.Count} ad account(s); tokens cached in {context.TokenCache}{(context.TokenCachePath is null ? string.Empty : " (" + context.TokenCachePath + ")")}.");
            return context;
        }

        private static async Task<TokenManager> SignInAsync(ConnectSettings settings, BrowserSignIn? browser, TokenCache cache, ApiTransport transport, ICallObserver observer, CancellationToken cancellationToken)
        {
            string apiBase = settings.Endpoint.BaseUri.ToString();
            if (settings.Method == SignInMethod.AccessToken)
            {
                observer.Verbose("Signed in with an access token only: it cannot be renewed, so connect again when it expires.");
                return TokenManager.ForAccessToken(cache, settings.AccessToken!, settings.Time);
            }

            var oauth = new OAuthClient(transport, settings.ClientId, settings.ClientSecret!, settings.Time);
            switch (settings.Method)
            {
                case SignInMethod.RefreshToken:
                    return await TokenManager.FromRefreshTokenAsync(cache, oauth, settings.ClientId, apiBase, settings.RefreshToken!, settings.AccessToken, settings.RefreshPolicy, settings.Time, observer, cancellationToken).ConfigureAwait(false);

                case SignInMethod.AuthorizationCode:
                    return await TokenManager.FromAuthorizationCodeAsync(cache, oauth, settings.ClientId, apiBase, settings.AuthorizationCode!, settings.RedirectUri, settings.RefreshPolicy, settings.Time, observer, cancellationToken).ConfigureAwait(false);

                default:
                    if (browser is null)
                    {
                        throw new InvalidOperationException("The browser sign-in was not started.");
                    }

                    observer.Verbose($"Waiting up to {browser.Timeout.TotalMinutes:0.#} minute(s) for the browser to return to {settings.RedirectUri}.");
                    string code = await browser.Listener.WaitForCodeAsync(browser.State, browser.Timeout, observer, cancellationToken).ConfigureAwait(false);
                    return await TokenManager.FromAuthorizationCodeAsync(cache, oauth, settings.ClientId, apiBase, code, settings.RedirectUri, settings.RefreshPolicy, settings.Time, observer, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
