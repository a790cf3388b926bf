using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Auth;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;
using PinterestAds.Core.Limiting;
using PinterestAds.Core.Lookups;

namespace PinterestAds.Core.Session
{
    /// <summary>
    /// A connection to Pinterest Ads: what <c>Connect-PinterestAds</c> makes and every API cmdlet
    /// uses (the session default, or <c>-Context</c> in runbooks and parallel runspaces). It shows
    /// where tokens live and when they expire, never the tokens themselves.
    /// </summary>
    public sealed class PinterestAdsContext
    {
        private readonly RequestPipeline _pipeline;
        private readonly TokenManager? _tokens;
        private readonly IRequestLimiter? _limiter;
        private IReadOnlyDictionary<string, string?> _currencies = new Dictionary<string, string?>(StringComparer.Ordinal);

        internal PinterestAdsContext(string clientId, ApiEndpoint endpoint, RequestPipeline pipeline)
        {
            ClientId = clientId;
            Endpoint = endpoint;
            _pipeline = pipeline;
            ConnectedOn = DateTimeOffset.UtcNow;
        }

        internal PinterestAdsContext(
            string clientId,
            ApiEndpoint endpoint,
            RequestPipeline pipeline,
            TokenManager tokens,
            IRequestLimiter limiter,
            BudgetOptions budget,
            SignInMethod method,
            IReadOnlyList<string> requestedScopes)
            : this(clientId, endpoint, pipeline)
        {
            _tokens = tokens;
            _limiter = limiter;
            Budget = budget;
            AuthenticationMethod = method;
            RequestedScopes = requestedScopes;
        }

        /// <summary>The Pinterest app (client id) the sign-in belongs to.</summary>
        public string ClientId { get; }

        public PinterestEnvironment Environment => Endpoint.Environment;

        public Uri ApiBaseUri => Endpoint.BaseUri;

        /// <summary>How the context signed in.</summary>
        public SignInMethod AuthenticationMethod { get; }

        /// <summary>The scopes Pinterest granted (as its token response says), or the requested ones when it did not say.</summary>
        public IReadOnlyList<string> Scopes
        {
            get
            {
                string? granted = _tokens?.GrantedScope;
                return string.IsNullOrWhiteSpace(granted)
                    ? RequestedScopes
                    : granted!.Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries);
            }
        }

        /// <summary>When the access token expires; null when Pinterest did not say (a supplied access token).</summary>
        public DateTimeOffset? AccessTokenExpiresOn => _tokens?.AccessTokenExpiresOn;

        /// <summary>When the refresh token expires; null without a refresh token.</summary>
        public DateTimeOffset? RefreshTokenExpiresOn => _tokens?.RefreshTokenExpiresOn;

        /// <summary>True when the context renews its access token by itself.</summary>
        public bool CanRefresh => _tokens?.CanRefresh ?? false;

        /// <summary>Where the tokens are kept: Encrypted (OS key store), Memory, or PlaintextFile (opted in, mode 0600).</summary>
        public TokenCacheKind TokenCache => _tokens?.CacheKind ?? TokenCacheKind.Memory;

        /// <summary>The cache file (for Encrypted and PlaintextFile); null for Memory.</summary>
        public string? TokenCachePath => _tokens?.CachePath;

        /// <summary>Ids of the ad accounts the sign-in can use, probed at connect.</summary>
        public IReadOnlyList<string> AdAccountIds { get; internal set; } = Array.Empty<string>();

        /// <summary>The request budget per rolling hour this context spends.</summary>
        public int RequestsPerHour => Budget.RequestsPerWindow;

        /// <summary>How long one HTTP attempt may take (PINTEREST_ADS_TIMEOUT).</summary>
        public TimeSpan RequestTimeout => _pipeline.RequestTimeout;

        /// <summary>How long a call may wait for a request permit.</summary>
        public TimeSpan LimitMaxWait => Budget.MaxWait;

        /// <summary>The Redis configuration shared by workers (password masked); null when the budget stays on this machine.</summary>
        public string? Redis => RedisMask.Mask(Budget.RedisConfiguration);

        public DateTimeOffset ConnectedOn { get; }

        public bool IsConnected { get; private set; } = true;

        internal IReadOnlyList<string> RequestedScopes { get; } = Array.Empty<string>();

        internal BudgetOptions Budget { get; } = new BudgetOptions();

        internal ApiEndpoint Endpoint { get; }

        internal TokenManager? Tokens => _tokens;

        /// <summary>The limiter every request of this context takes its permit from; null for contexts built without a budget (tests).</summary>
        internal IRequestLimiter? Limiter => _limiter;

        /// <summary>The request path; refuses once the context was disconnected.</summary>
        internal RequestPipeline Pipeline => IsConnected ? _pipeline : throw PinterestAdsException.NotConnected();

        /// <summary>The ISO 4217 currency of an ad account probed at connect; null when unknown.</summary>
        internal string? CurrencyOf(string adAccountId) => _currencies.TryGetValue(adAccountId, out var currency) ? currency : null;

        /// <summary>The ad accounts probed at connect, in Pinterest's order: what -AdAccountId completes to.</summary>
        internal IReadOnlyList<AdAccount> ProbedAdAccounts { get; private set; } = Array.Empty<AdAccount>();

        /// <summary>Short-lived answers of the tab-completion lookups made with this connection.</summary>
        internal LookupCache Lookups { get; } = new LookupCache(TimeProvider.System);

        /// <summary>Records the probed ad accounts (in Pinterest's order, with their currencies).</summary>
        internal void SetAdAccounts(IReadOnlyList<AdAccount> accounts)
        {
            var currencies = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var account in accounts)
            {
                currencies[account.Id] = account.Currency;
            }

            _currencies = currencies;
            ProbedAdAccounts = accounts;
            AdAccountIds = accounts.Select(a => a.Id).Distinct(StringComparer.Ordinal).ToArray();
        }

        /// <summary>Forgets the tokens (memory and cache) and refuses every later call.</summary>
        internal async Task DisconnectAsync(ICallObserver observer, CancellationToken cancellationToken)
        {
            IsConnected = false;
            if (_tokens != null)
            {
                await _tokens.ForgetAsync(observer, cancellationToken).ConfigureAwait(false);
            }
        }

        public override string ToString() => $"Pinterest Ads {Environment} ({ClientId}){(IsConnected ? string.Empty : " [disconnected]")}";
    }
}
