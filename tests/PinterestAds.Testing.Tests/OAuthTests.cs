using System.Net.Http.Headers;
using System.Text;
using System.Web;

namespace PinterestAds.Testing.Tests;

public sealed class OAuthTests : IDisposable
{
    private const string Redirect = "http://localhost:8085/";
    private readonly PinTestServer _server = PinTestServer.StartNew();
    private readonly HttpClient _http = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    public void Dispose()
    {
        _http.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task Code_exchange_then_refresh_rotates_and_the_old_refresh_token_dies()
    {
        string code = await Authorize("ads:read,ads:write", "xyz-state");

        var first = await Token(("grant_type", "authorization_code"), ("code", code), ("redirect_uri", Redirect));
        Assert.Equal(200, first.Status);
        var body = first.Json!;
        Assert.StartsWith("pina_", (string)body["access_token"]!);
        Assert.StartsWith("pinr_", (string)body["refresh_token"]!);
        Assert.Equal("bearer", (string)body["token_type"]!);
        Assert.Equal("authorization_code", (string)body["response_type"]!);
        Assert.Equal("ads:read,ads:write", (string)body["scope"]!);
        Assert.Equal((long)TimeSpan.FromDays(30).TotalSeconds, (long)body["expires_in"]!);
        Assert.Equal((long)TimeSpan.FromDays(60).TotalSeconds, (long)body["refresh_token_expires_in"]!);
        Assert.True((long)body["refresh_token_expires_at"]! > DateTimeOffset.UtcNow.ToUnixTimeSeconds());

        string oldRefresh = (string)body["refresh_token"]!;
        var refreshed = await Token(("grant_type", "refresh_token"), ("refresh_token", oldRefresh), ("continuous_refresh", "true"));
        Assert.Equal(200, refreshed.Status);
        Assert.Equal("refresh_token", (string)refreshed.Json!["response_type"]!);
        string newRefresh = (string)refreshed.Json!["refresh_token"]!;
        Assert.NotEqual(oldRefresh, newRefresh);

        var reused = await Token(("grant_type", "refresh_token"), ("refresh_token", oldRefresh));
        Assert.Equal(400, reused.Status);
        Assert.Equal("{\"code\":283,\"message\":\"The authorization grant is invalid\"}", reused.Text);

        using var api = new Api(_server, (string)refreshed.Json!["access_token"]!);
        Assert.Equal(200, (await api.Get("ad_accounts")).Status);
        Assert.Equal(1, _server.CodeExchangeCount);
        Assert.Equal(1, _server.TokenRefreshCount);
    }

    [Fact]
    public async Task Codes_are_single_use_bound_to_the_redirect_uri_and_expire()
    {
        string code = await Authorize("ads:read", null);
        Assert.Equal(400, (await Token(("grant_type", "authorization_code"), ("code", code), ("redirect_uri", "http://localhost:9999/"))).Status);
        Assert.Equal(200, (await Token(("grant_type", "authorization_code"), ("code", code), ("redirect_uri", Redirect))).Status);
        Assert.Equal(283, (await Token(("grant_type", "authorization_code"), ("code", code), ("redirect_uri", Redirect))).Code);

        string late = await Authorize("ads:read", null);
        _server.AdvanceClock(TimeSpan.FromMinutes(11));
        Assert.Equal(283, (await Token(("grant_type", "authorization_code"), ("code", late), ("redirect_uri", Redirect))).Code);
    }

    [Fact]
    public async Task Token_endpoint_needs_basic_auth_and_a_form_body()
    {
        var noAuth = await Token(null, ("grant_type", "refresh_token"), ("refresh_token", _server.IssueRefreshToken()));
        Assert.Equal(401, noAuth.Status);
        Assert.Equal("{\"code\":2,\"message\":\"Authentication failed.\"}", noAuth.Text);

        var wrongSecret = await Token(Basic(_server.ClientId, "nope"), ("grant_type", "refresh_token"), ("refresh_token", "x"));
        Assert.Equal(401, wrongSecret.Status);

        using var json = new HttpRequestMessage(HttpMethod.Post, _server.TokenUri)
        {
            Content = new StringContent("{\"grant_type\":\"refresh_token\"}", Encoding.UTF8, "application/json"),
        };
        json.Headers.Authorization = Basic(_server.ClientId, _server.ClientSecret);
        var reply = await _http.SendAsync(json);
        Assert.Equal(400, (int)reply.StatusCode);
        Assert.Contains("\"code\":1", await reply.Content.ReadAsStringAsync());

        Assert.Equal(283, (await Token(("grant_type", "refresh_token"), ("refresh_token", "pinr_unknown"))).Code);
    }

    [Fact]
    public async Task Authorize_rejects_unknown_clients_and_unregistered_redirects()
    {
        var unknown = await _http.GetAsync(_server.AuthorizeUri + "?client_id=999&redirect_uri=" + Uri.EscapeDataString(Redirect) + "&response_type=code&scope=ads:read");
        Assert.Equal(400, (int)unknown.StatusCode);

        _server.RegisterApp("app2", "secret2", "https://example.com/cb");
        var badRedirect = await _http.GetAsync(_server.AuthorizeUri + "?client_id=app2&redirect_uri=" + Uri.EscapeDataString(Redirect) + "&response_type=code&scope=ads:read");
        Assert.Equal(400, (int)badRedirect.StatusCode);

        var ok = await _http.GetAsync(_server.AuthorizeUri + "?client_id=app2&redirect_uri=" + Uri.EscapeDataString("https://example.com/cb") + "&response_type=code&scope=ads:read&state=s1");
        Assert.Equal(302, (int)ok.StatusCode);
        Assert.StartsWith("https://example.com/cb?code=pinc_", ok.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Api_requires_a_valid_bearer_token_with_the_right_scope()
    {
        using var api = new Api(_server) { Token = null };
        var none = await api.Get("ad_accounts");
        Assert.Equal(401, none.Status);
        Assert.Equal("{\"code\":2,\"message\":\"Authentication failed.\"}", none.Text);

        api.Token = _server.IssueAccessToken();
        Assert.Equal(200, (await api.Get("ad_accounts")).Status);
        _server.ExpireAccessTokens();
        Assert.Equal(401, (await api.Get("ad_accounts")).Status);

        api.Token = _server.IssueAccessToken("ads:read");
        var write = await api.Post($"ad_accounts/{api.Account}/campaigns", new System.Text.Json.Nodes.JsonArray(api.Campaign("c")));
        Assert.Equal(403, write.Status);
        Assert.Equal(3, write.Code);

        string revoked = _server.IssueAccessToken();
        Assert.True(_server.RevokeToken(revoked));
        api.Token = revoked;
        Assert.Equal(401, (await api.Get("ad_accounts")).Status);
    }

    private async Task<string> Authorize(string scope, string? state)
    {
        string url = _server.AuthorizeUri + "?client_id=" + _server.ClientId + "&redirect_uri=" + Uri.EscapeDataString(Redirect)
            + "&response_type=code&scope=" + Uri.EscapeDataString(scope) + (state == null ? string.Empty : "&state=" + state);
        var response = await _http.GetAsync(url);
        Assert.Equal(302, (int)response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(Redirect, location.ToString());
        var query = HttpUtility.ParseQueryString(location.Query);
        Assert.Equal(state, query["state"]);
        return query["code"]!;
    }

    private Task<Reply> Token(params (string Name, string Value)[] form) =>
        Token(Basic(_server.ClientId, _server.ClientSecret), form);

    private async Task<Reply> Token(AuthenticationHeaderValue? auth, params (string Name, string Value)[] form)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _server.TokenUri)
        {
            Content = new FormUrlEncodedContent(form.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))),
        };
        request.Headers.Authorization = auth;
        using var response = await _http.SendAsync(request);
        return new Reply(response, await response.Content.ReadAsStringAsync());
    }

    private static AuthenticationHeaderValue Basic(string id, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(id + ":" + secret)));
}
