using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using PinterestAds.Testing.Ads;
using PinterestAds.Testing.Analytics;
using PinterestAds.Testing.Faults;
using PinterestAds.Testing.Http;
using PinterestAds.Testing.Json;
using PinterestAds.Testing.Logging;
using PinterestAds.Testing.Media;
using PinterestAds.Testing.OAuth;
using PinterestAds.Testing.Pins;
using PinterestAds.Testing.Pipeline;
using PinterestAds.Testing.Rates;
using PinterestAds.Testing.Reports;
using PinterestAds.Testing.Routing;
using PinterestAds.Testing.Uploads;

namespace PinterestAds.Testing
{
    /// <summary>
    /// A stateful, in-memory fake of the Pinterest Marketing API v5 on 127.0.0.1 and a free
    /// port: OAuth (authorize page, code exchange, rotating refresh), ad accounts, campaigns,
    /// ad groups and ads with the spec's batch semantics, video media with an S3-like upload
    /// host, boards and pins, deterministic analytics and async reports, an ECB rate file, a
    /// request log, fault injection and an Idempotency-Key proxy. Thread-safe; one instance
    /// serves many concurrent clients.
    /// </summary>
    public sealed class PinTestServer : IDisposable
    {
        /// <summary>Client id of the app registered by default.</summary>
        public const string DefaultClientId = "1234567";

        /// <summary>Client secret of the app registered by default.</summary>
        public const string DefaultClientSecret = "fake-client-secret";

        private static readonly string[][] SeedAccounts =
        {
            new[] { "PinTest USD Account", "USD", "US" },
            new[] { "PinTest EUR Account", "EUR", "DE" },
            new[] { "PinTest GBP Account", "GBP", "GB" },
        };

        private readonly ServerSettings _settings = new ServerSettings();
        private readonly ServerClock _clock = new ServerClock();
        private readonly OAuthStore _oauth;
        private readonly AdsState _ads = new AdsState();
        private readonly RequestLog _log = new RequestLog();
        private readonly IdempotencyStore _idempotency = new IdempotencyStore();
        private readonly EntityKind[] _kinds = { new CampaignKind(), new AdGroupKind(), new AdKind() };
        private readonly UploadBucket _uploads = new UploadBucket();
        private readonly MediaStore _media;
        private readonly PinsState _pins = new PinsState();
        private readonly AnalyticsData _analytics;
        private readonly ReportStore _reports = new ReportStore();
        private readonly EcbRates _rates = new EcbRates();
        private readonly LoopbackHttpServer _http;

        /// <summary>A server with the default app and three ad accounts (USD, EUR, GBP). Call <see cref="Start"/>.</summary>
        public PinTestServer()
            : this(3)
        {
        }

        /// <summary>A server with the default app and <paramref name="adAccountCount"/> ad accounts (USD, EUR, GBP, then repeating).</summary>
        public PinTestServer(int adAccountCount)
        {
            if (adAccountCount < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(adAccountCount));
            }

            _oauth = new OAuthStore(_settings);
            _oauth.RegisterApp(new RegisteredApp(DefaultClientId, DefaultClientSecret, new string[0], allowAnyLoopbackRedirect: true));
            for (int i = 0; i < adAccountCount; i++)
            {
                string[] seed = SeedAccounts[i % SeedAccounts.Length];
                string name = i < SeedAccounts.Length ? seed[0] : "PinTest Account " + (i + 1).ToString(CultureInfo.InvariantCulture);
                _ads.AddAccount(name, seed[1], seed[2], _clock.UtcNow.ToUnixTimeSeconds());
            }

            _media = new MediaStore(_uploads);
            _analytics = new AnalyticsData(_ads);
            Analytics = new AnalyticsControl(_analytics);
            Reports = new ReportControl(_reports, () => _clock.UtcNow);
            ExchangeRates = new ExchangeRateControl(_rates, () => new Uri(Origin + EcbEndpoint.Path));
            Media = new MediaControl(_media, _uploads, () => _clock.UtcNow);
            var router = new Router();
            var modules = new List<IEndpointModule>
            {
                new OAuthEndpoints(_oauth, _settings),
                new UserAccountEndpoints(),
                new AdAccountEndpoints(_ads),
                new MediaEndpoints(_media, () => _clock.UtcNow, () => Origin),
                new UploadEndpoint(_uploads, () => _clock.UtcNow),
                new BoardEndpoints(_pins, _ads),
                new PinEndpoints(_pins, _ads, _media, _settings),
                new AnalyticsEndpoints(_ads, _analytics),
                new ReportEndpoints(_ads, _analytics, _reports, () => Origin),
                new ReportDownloadEndpoint(_reports, () => _clock.UtcNow),
                new EcbEndpoint(_rates),
            };
            var writer = new BatchWriter(_ads);
            modules.AddRange(_kinds.Select(kind => new EntityEndpoints(kind, _ads, writer)));
            foreach (var module in modules)
            {
                module.Map(router);
            }

            var pipeline = new RequestPipeline(router, _oauth, Faults, _idempotency, _log, _settings, _clock);
            // The Date header shows the server's clock, as Pinterest's does: clients measure skew from it.
            _http = new LoopbackHttpServer(pipeline.HandleAsync, pipeline.StreamsBody, () => _clock.UtcNow);
        }

        /// <summary>Injected faults (429, 5xx, latency, dropped connections), matched by method and path.</summary>
        public FaultInjector Faults { get; } = new FaultInjector();

        public bool IsRunning => _http.IsRunning;

        /// <summary>The TCP port on 127.0.0.1 (known after <see cref="Start"/>).</summary>
        public int Port => _http.Port != 0 ? _http.Port : throw new InvalidOperationException("The server is not started.");

        /// <summary>API base, e.g. <c>http://127.0.0.1:PORT/v5</c> (what PINTEREST_ADS_API_BASE_URI takes).</summary>
        public Uri BaseUri => new Uri(Origin + "/v5");

        /// <summary>The fake upload host (what <c>upload_url</c> of <c>POST /v5/media</c> names), <c>http://127.0.0.1:PORT/media-upload/</c>.</summary>
        public Uri UploadUri => new Uri(Origin + UploadEndpoint.PathPrefix);

        /// <summary>Analytics: set an entity's daily spend and delivery; read any column's value as the API computes it.</summary>
        public AnalyticsControl Analytics { get; }

        /// <summary>The ECB reference-rate file the fake serves (for PINTEREST_ADS_EXCHANGE_RATES_URI), its fetch count and its rates.</summary>
        public ExchangeRateControl ExchangeRates { get; }

        /// <summary>Async reports: polls until FINISHED, URL lifetime and retention, forced EXPIRED/FAILED/CANCELLED.</summary>
        public ReportControl Reports { get; }

        /// <summary>Video media: processing speed, upload URL lifetime, dropped uploads, media states.</summary>
        public MediaControl Media { get; }

        /// <summary>The authorize page, <c>http://127.0.0.1:PORT/oauth/</c>.</summary>
        public Uri AuthorizeUri => new Uri("http://127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture) + "/oauth/");

        /// <summary>The token endpoint, <c>http://127.0.0.1:PORT/v5/oauth/token</c>.</summary>
        public Uri TokenUri => new Uri(BaseUri + "/oauth/token");

        /// <summary>The default app's client id (<see cref="DefaultClientId"/>).</summary>
        public string ClientId => DefaultClientId;

        /// <summary>The default app's client secret (<see cref="DefaultClientSecret"/>).</summary>
        public string ClientSecret => DefaultClientSecret;

        /// <summary>Lifetime of newly issued access tokens (default 30 days).</summary>
        public TimeSpan AccessTokenLifetime
        {
            get => _settings.AccessTokenLifetime;
            set => _settings.AccessTokenLifetime = value;
        }

        /// <summary>Lifetime of newly issued refresh tokens (default 60 days, renewed by every refresh).</summary>
        public TimeSpan RefreshTokenLifetime
        {
            get => _settings.RefreshTokenLifetime;
            set => _settings.RefreshTokenLifetime = value;
        }

        /// <summary>Lifetime of authorization codes (default 10 minutes).</summary>
        public TimeSpan AuthorizationCodeLifetime
        {
            get => _settings.AuthorizationCodeLifetime;
            set => _settings.AuthorizationCodeLifetime = value;
        }

        /// <summary>
        /// True (default): behave like an idempotency proxy — replay the stored response for a
        /// repeated POST/PATCH with the same <c>Idempotency-Key</c> and body (header
        /// <c>Idempotent-Replayed: true</c>), 422 for the same key with a different request.
        /// False: ignore the header, as Pinterest itself does.
        /// </summary>
        public bool HonourIdempotencyKey
        {
            get => _settings.HonourIdempotencyKey;
            set => _settings.HonourIdempotencyKey = value;
        }

        /// <summary>When true the authorize page redirects with <c>error=access_denied</c> instead of a code.</summary>
        public bool DenyAuthorization
        {
            get => _settings.DenyAuthorization;
            set => _settings.DenyAuthorization = value;
        }

        /// <summary>
        /// True: the app has Trial access, so <c>POST /v5/pins</c> answers 403 with code 29 ("Apps with
        /// Trial access may not create Pins in production…") as Pinterest's production API does.
        /// </summary>
        public bool TrialAccess
        {
            get => _settings.TrialAccess;
            set => _settings.TrialAccess = value;
        }

        /// <summary>Boards of the default user.</summary>
        public int BoardCount
        {
            get { lock (_pins.Sync) { return _pins.Boards.Count; } }
        }

        /// <summary>Pins created so far (all boards) — "nothing was created" checks.</summary>
        public int PinCount
        {
            get { lock (_pins.Sync) { return _pins.Pins.Count; } }
        }

        /// <summary>The server's clock: real UTC time plus whatever <see cref="AdvanceClock"/> added.</summary>
        public DateTimeOffset UtcNow => _clock.UtcNow;

        /// <summary>Every request received so far (oldest first), faulted and dropped ones included.</summary>
        public IReadOnlyList<RecordedRequest> Requests => _log.Snapshot();

        /// <summary>The log keeps at most this many requests, discarding the oldest (default 200,000).</summary>
        public int MaxRecordedRequests
        {
            get => _log.Capacity;
            set => _log.Capacity = value;
        }

        /// <summary>Successful authorization-code exchanges.</summary>
        public int CodeExchangeCount => _oauth.CodeExchangeCount;

        /// <summary>Successful refresh-token grants.</summary>
        public int TokenRefreshCount => _oauth.TokenRefreshCount;

        /// <summary>Idempotency keys with a stored response.</summary>
        public int IdempotencyKeyCount => _idempotency.Count;

        /// <summary>Ids of all ad accounts, oldest first.</summary>
        public IReadOnlyList<string> AdAccountIds => _ads.Accounts().Select(a => a.Id).ToArray();

        /// <summary>The first ad account (USD by default).</summary>
        public string DefaultAdAccountId => _ads.Accounts().FirstOrDefault()?.Id ?? throw new InvalidOperationException("The server has no ad accounts.");

        internal WireStats WireStats => _http.Stats;

        /// <summary>Creates and starts a server.</summary>
        public static PinTestServer StartNew(int adAccountCount = 3)
        {
            var server = new PinTestServer(adAccountCount);
            server.Start();
            return server;
        }

        /// <summary>Starts listening on 127.0.0.1 and a free port.</summary>
        public void Start() => _http.Start();

        /// <summary>Stops listening and closes every open connection. State is kept.</summary>
        public void Stop() => _http.Stop();

        public void Dispose() => _http.Dispose();

        /// <summary>
        /// Moves the server clock (token, code and schedule expiry, created_time, the Date header)
        /// without waiting: forward, or back with a negative span to skew it behind the client's.
        /// </summary>
        public void AdvanceClock(TimeSpan by) => _clock.Advance(by);

        public void ClearRequests() => _log.Clear();

        /// <summary>
        /// Requests for <paramref name="method"/> (null or "*" = any) whose path starts with
        /// <paramref name="pathPrefixOrRegex"/> (with or without <c>/v5</c>), or matches it as a
        /// regex when it starts with '^'.
        /// </summary>
        public IReadOnlyList<RecordedRequest> RequestsTo(string? method, string pathPrefixOrRegex) => _log.Find(method, pathPrefixOrRegex);

        /// <summary>Forgets every stored Idempotency-Key response.</summary>
        public void ClearIdempotencyKeys() => _idempotency.Clear();

        /// <summary>Registers (or replaces) an OAuth app allowed to redirect to exactly these URIs.</summary>
        public void RegisterApp(string clientId, string clientSecret, params string[] redirectUris)
        {
            if (string.IsNullOrEmpty(clientId) || string.IsNullOrEmpty(clientSecret))
            {
                throw new ArgumentException("clientId and clientSecret are required.");
            }

            _oauth.RegisterApp(new RegisteredApp(clientId, clientSecret, redirectUris ?? new string[0], allowAnyLoopbackRedirect: false));
        }

        /// <summary>A valid refresh token of the default app and user, as if the user had signed in (default: the module's scopes).</summary>
        public string IssueRefreshToken(params string[] scopes) =>
            _oauth.IssueRefresh(DefaultClientId, Scopes(scopes), _clock.UtcNow).Value;

        /// <summary>A valid access token of the default app and user (default: the module's scopes).</summary>
        public string IssueAccessToken(params string[] scopes) =>
            _oauth.IssueAccess(DefaultClientId, Scopes(scopes), null, _clock.UtcNow).Value;

        /// <summary>A valid access token with a specific lifetime.</summary>
        public string IssueAccessToken(TimeSpan lifetime, params string[] scopes) =>
            _oauth.IssueAccess(DefaultClientId, Scopes(scopes), lifetime, _clock.UtcNow).Value;

        /// <summary>Every current access token expires now; refresh tokens stay valid.</summary>
        public void ExpireAccessTokens() => _oauth.ExpireAccessTokens(_clock.UtcNow);

        /// <summary>Revokes every access token, refresh token and pending code.</summary>
        public void RevokeAllTokens() => _oauth.RevokeAll();

        /// <summary>Revokes one access token, refresh token or code; false when unknown.</summary>
        public bool RevokeToken(string token) => _oauth.Revoke(token);

        /// <summary>Adds an ad account owned by the default user and returns its id.</summary>
        public string AddAdAccount(string name, string currency = "USD", string country = "US")
        {
            if (string.IsNullOrEmpty(name))
            {
                throw new ArgumentException("A name is required.", nameof(name));
            }

            if (!Enums.Currency.Contains(currency, StringComparer.Ordinal))
            {
                throw new ArgumentException("Unknown currency '" + currency + "'. Use one of " + string.Join(", ", Enums.Currency) + ".", nameof(currency));
            }

            if (country == null || country.Length != 2)
            {
                throw new ArgumentException("country is an ISO 3166-1 alpha-2 code, e.g. US.", nameof(country));
            }

            return _ads.AddAccount(name, currency, country.ToUpperInvariant(), _clock.UtcNow.ToUnixTimeSeconds()).Id;
        }

        /// <summary>
        /// Counts stored entities of a collection (campaigns, ad_groups, ads) in every status,
        /// optionally only those with this exact name — handy for "no duplicates were created".
        /// </summary>
        public int CountEntities(string adAccountId, string collection, string? name = null)
        {
            Kind(collection);
            lock (_ads.Sync)
            {
                return _ads.Table(adAccountId, collection).Values.Count(e => name == null || JsonFields.String(e, "name") == name);
            }
        }

        /// <summary>Every stored entity of a collection (all statuses, oldest first) as the JSON the API would return.</summary>
        public string[] GetEntitiesJson(string adAccountId, string collection)
        {
            EntityKind kind = Kind(collection);
            long now = _clock.UtcNow.ToUnixTimeSeconds();
            lock (_ads.Sync)
            {
                return _ads.Table(adAccountId, collection).Values.Select(e => ApiJson.ToText(kind.Render(e, now))).ToArray();
            }
        }

        /// <summary>
        /// Simulates Pinterest's review of an ad: OTHER, PENDING, REJECTED or APPROVED. A rejection
        /// carries <paramref name="rejectedReasons"/> from the spec's enum (e.g. LANDING_PAGE);
        /// any other status clears them.
        /// </summary>
        public void SetAdReviewStatus(string adAccountId, string adId, string reviewStatus, params string[] rejectedReasons)
        {
            if (!Enums.ReviewStatus.Contains(reviewStatus, StringComparer.Ordinal))
            {
                throw new ArgumentException("Use one of " + string.Join(", ", Enums.ReviewStatus) + ".", nameof(reviewStatus));
            }

            string[] reasons = rejectedReasons ?? new string[0];
            string? unknown = reasons.FirstOrDefault(r => !Enums.RejectedReason.Contains(r, StringComparer.Ordinal));
            if (unknown != null)
            {
                throw new ArgumentException("'" + unknown + "' is not a rejection reason of the spec. Use one of " + string.Join(", ", Enums.RejectedReason) + ".", nameof(rejectedReasons));
            }

            if (reasons.Length > 0 && reviewStatus != "REJECTED")
            {
                throw new ArgumentException("Rejection reasons go with reviewStatus REJECTED.", nameof(rejectedReasons));
            }

            ChangeEntity(adAccountId, AdKind.CollectionName, adId, ad =>
            {
                ad["review_status"] = reviewStatus;
                ad["rejected_reasons"] = new JsonArray(reasons.Select(r => (JsonNode)JsonValue.Create(r)!).ToArray());
            });
        }

        /// <summary>
        /// Changes a campaign's, ad group's or ad's status (ACTIVE, PAUSED, ARCHIVED, DRAFT,
        /// DELETED_DRAFT) behind the API's back, as a person in Ads Manager or Pinterest itself would.
        /// </summary>
        public void SetEntityStatus(string adAccountId, string collection, string id, string status)
        {
            Kind(collection);
            if (!Enums.EntityStatus.Contains(status, StringComparer.Ordinal))
            {
                throw new ArgumentException("Use one of " + string.Join(", ", Enums.EntityStatus) + ".", nameof(status));
            }

            ChangeEntity(adAccountId, collection, id, entity => entity["status"] = status);
        }

        public override string ToString() => _http.Port == 0 ? "PinTestServer (not started)" : "PinTestServer " + BaseUri;

        private string Origin => "http://127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

        private static string[] Scopes(string[]? scopes) => scopes == null || scopes.Length == 0 ? OAuthScopes.ModuleDefault : scopes;

        private void ChangeEntity(string adAccountId, string collection, string id, Action<JsonObject> change)
        {
            lock (_ads.Sync)
            {
                JsonObject entity = _ads.Find(adAccountId, collection, id) ?? throw new ArgumentException(collection + " " + id + " not found in ad account " + adAccountId + ".", nameof(id));
                change(entity);
                entity["updated_time"] = _clock.UtcNow.ToUnixTimeSeconds();
            }
        }

        private EntityKind Kind(string collection) =>
            _kinds.FirstOrDefault(k => k.Collection == collection)
            ?? throw new ArgumentException("Unknown collection '" + collection + "'. Use campaigns, ad_groups or ads.", nameof(collection));
    }
}
