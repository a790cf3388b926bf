using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using PinterestAds.Core.Auth;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Http;
using PinterestAds.Core.Limiting;

namespace PinterestAds.Core.Tests.Auth;

/// <summary>
/// A token endpoint that rotates refresh tokens like Pinterest (the old one dies), counts calls,
/// and answers 400 code 283 for any unknown token.
/// </summary>
internal sealed class FakeTokenEndpoint : HttpMessageHandler
{
    public const string ClientId = "1234567";
    public const string ClientSecret = "fake-client-secret-for-unit-tests";

    private readonly object _sync = new();
    private readonly HashSet<string> _liveRefreshTokens = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private int _counter;

    public FakeTokenEndpoint(TimeProvider time) => _time = time;

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan Latency { get; set; } = TimeSpan.Zero;

    public int RefreshCount;

    public int CodeExchangeCount;

    public ConcurrentQueue<string> RequestBodies { get; } = new();

    public string IssueRefreshToken()
    {
        lock (_sync)
        {
            string token = "rt-" + Guid.NewGuid().ToString("N");
            _liveRefreshTokens.Add(token);
            return token;
        }
    }

    public void RevokeAll()
    {
        lock (_sync)
        {
            _liveRefreshTokens.Clear();
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, cancellationToken);
        }

        string body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        RequestBodies.Enqueue(body);
        var expectedBasic = Convert.ToBase64String(Encoding.UTF8.GetBytes(ClientId + ":" + ClientSecret));
        if (request.Headers.Authorization?.Scheme != "Basic" || request.Headers.Authorization.Parameter != expectedBasic)
        {
            return Json(HttpStatusCode.Unauthorized, new { code = 2, message = "Authentication failed." });
        }

        var form = body.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => Uri.UnescapeDataString(p[0]), p => p.Length > 1 ? Uri.UnescapeDataString(p[1]) : string.Empty);
        lock (_sync)
        {
            switch (form.GetValueOrDefault("grant_type"))
            {
                case "refresh_token":
                    Interlocked.Increment(ref RefreshCount);
                    if (!_liveRefreshTokens.Remove(form.GetValueOrDefault("refresh_token") ?? string.Empty))
                    {
                        return Json(HttpStatusCode.BadRequest, new { code = 283, message = "The authorization grant is invalid" });
                    }

                    return Json(HttpStatusCode.OK, NewPair());
                case "authorization_code":
                    Interlocked.Increment(ref CodeExchangeCount);
                    return form.GetValueOrDefault("code") == "good-code-1234"
                        ? Json(HttpStatusCode.OK, NewPair())
                        : Json(HttpStatusCode.BadRequest, new { code = 283, message = "The authorization grant is invalid" });
                default:
                    return Json(HttpStatusCode.BadRequest, new { code = 1, message = "bad grant_type" });
            }
        }
    }

    private object NewPair()
    {
        int n = Interlocked.Increment(ref _counter);
        string refresh = "rt-" + n + "-" + Guid.NewGuid().ToString("N");
        _liveRefreshTokens.Add(refresh);
        return new
        {
            access_token = "pina_" + n + "_" + Guid.NewGuid().ToString("N"),
            token_type = "bearer",
            expires_in = (long)AccessTokenLifetime.TotalSeconds,
            scope = "ads:read,ads:write",
            refresh_token = refresh,
            refresh_token_expires_in = 60L * 86400,
            refresh_token_expires_at = _time.GetUtcNow().ToUnixTimeSeconds() + 60L * 86400,
            response_type = "refresh_token",
        };
    }

    private static HttpResponseMessage Json(HttpStatusCode status, object body) => new(status)
    {
        Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
    };
}

/// <summary>One "process": its own transport and manager, sharing the endpoint, clock and cache folder with others.</summary>
internal sealed class AuthTestKit : IDisposable
{
    public AuthTestKit()
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero));
        Endpoint = new FakeTokenEndpoint(Time);
        Http = new HttpClient(Endpoint);
        CacheFolder = Path.Combine(Path.GetTempPath(), "pinads-auth-tests-" + Guid.NewGuid().ToString("N"));
    }

    public FakeTimeProvider Time { get; }

    public FakeTokenEndpoint Endpoint { get; }

    public HttpClient Http { get; }

    public CountingLimiter Limiter { get; } = new();

    public RecordingObserver Observer { get; } = new();

    public string CacheFolder { get; }

    public static readonly ApiEndpoint Api = ApiEndpoint.Parse("http://127.0.0.1:9/v5", "ApiBaseUri");

    public string ApiBase => Api.BaseUri.ToString();

    public TokenRefreshPolicy Policy { get; } = new();

    public TokenCache NewPlaintextCache() => new(TokenCacheFactory.OpenPlaintext(CacheFolder));

    public OAuthClient NewOAuth()
    {
        var transport = new ApiTransport(Api, FakeTokenEndpoint.ClientId, Http, Limiter);
        return new OAuthClient(transport, FakeTokenEndpoint.ClientId, FakeTokenEndpoint.ClientSecret, Time);
    }

    public Task<TokenManager> StartFromRefreshTokenAsync(string refreshToken, TokenCache? cache = null) =>
        TokenManager.FromRefreshTokenAsync(cache ?? NewPlaintextCache(), NewOAuth(), FakeTokenEndpoint.ClientId, ApiBase, refreshToken, null, Policy, Time, Observer, CancellationToken.None);

    public void Dispose()
    {
        Http.Dispose();
        try
        {
            Directory.Delete(CacheFolder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
