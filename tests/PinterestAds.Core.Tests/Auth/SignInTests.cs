using System.Net.Sockets;
using System.Web;
using PinterestAds.Core.Auth;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Session;
using Xunit;

namespace PinterestAds.Core.Tests.Auth;

public sealed class SignInTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void The_authorize_uri_carries_comma_separated_scopes_code_and_state()
    {
        var uri = AuthorizeUri.Build(new Uri("https://www.pinterest.com/oauth/"), "1234567", new Uri("http://localhost:8085/"), ConnectSettings.DefaultScopes, "state-xyz");
        Assert.StartsWith("https://www.pinterest.com/oauth/?", uri.AbsoluteUri);
        Assert.Contains("scope=ads:read,ads:write,user_accounts:read,pins:read,pins:write,boards:read,boards:write", uri.AbsoluteUri);
        var query = HttpUtility.ParseQueryString(uri.Query);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("1234567", query["client_id"]);
        Assert.Equal("http://localhost:8085/", query["redirect_uri"]);
        Assert.Equal("state-xyz", query["state"]);
    }

    [Fact]
    public void States_are_random()
    {
        Assert.NotEqual(AuthorizeUri.NewState(), AuthorizeUri.NewState());
        Assert.True(AuthorizeUri.NewState().Length >= 32);
    }

    [Fact]
    public void A_missing_client_id_names_the_environment_variable()
    {
        var error = Assert.Throws<PinterestAdsException>(() => ConnectSettings.Resolve(new ConnectInput { Method = SignInMethod.RefreshToken, RefreshToken = "rt-1234567890" }, Env()));
        Assert.Contains("PINTEREST_ADS_CLIENT_ID", error.Message);
        Assert.Contains("-ClientId", error.Message);
    }

    [Fact]
    public void Environment_defaults_apply_and_explicit_values_win()
    {
        var settings = ConnectSettings.Resolve(
            new ConnectInput { FromEnvironment = true, RequestsPerHour = 50 },
            Env(("PINTEREST_ADS_CLIENT_ID", "42"), ("PINTEREST_ADS_CLIENT_SECRET", "s3cret-value"), ("PINTEREST_ADS_REFRESH_TOKEN", "rt-abcdefgh"),
                ("PINTEREST_ADS_API_BASE_URI", "http://127.0.0.1:5000/v5"), ("PINTEREST_ADS_REQUESTS_PER_HOUR", "900"), ("PINTEREST_ADS_LIMIT_MAX_WAIT", "2.5"),
                ("PINTEREST_ADS_REDIS", "localhost:6379,password=hunter2"), ("PINTEREST_ADS_TOKEN_CACHE", "/tmp/x")));
        Assert.Equal(SignInMethod.RefreshToken, settings.Method);
        Assert.Equal("42", settings.ClientId);
        Assert.Equal("rt-abcdefgh", settings.RefreshToken);
        Assert.Equal("http://127.0.0.1:5000/v5/", settings.Endpoint.BaseUri.ToString());
        Assert.Equal(50, settings.Budget.RequestsPerWindow);
        Assert.Equal(TimeSpan.FromSeconds(2.5), settings.Budget.MaxWait);
        Assert.Equal("localhost:6379,password=hunter2", settings.Budget.RedisConfiguration);
        Assert.Equal("/tmp/x", settings.TokenCacheFolder);
        Assert.Equal("localhost:6379,password=***", RedisMask.Mask(settings.Budget.RedisConfiguration));
    }

    [Fact]
    public void A_malformed_base_uri_from_the_environment_names_the_variable()
    {
        var error = Assert.Throws<PinterestAdsException>(() => ConnectSettings.Resolve(
            new ConnectInput { Method = SignInMethod.AccessToken, AccessToken = "pina_abcdefgh", ClientId = "1" },
            Env(("PINTEREST_ADS_API_BASE_URI", "http://api.example.com/v5"))));
        Assert.StartsWith("Environment variable PINTEREST_ADS_API_BASE_URI:", error.Message);
    }

    [Fact]
    public void The_browser_sign_in_needs_a_loopback_redirect()
    {
        var error = Assert.Throws<PinterestAdsException>(() => ConnectSettings.Resolve(
            new ConnectInput { ClientId = "1", ClientSecret = "secret-secret", RedirectUri = "https://example.com/callback" }, Env()));
        Assert.StartsWith("-RedirectUri:", error.Message);
    }

    [Fact]
    public void Environment_variable_sign_in_without_tokens_names_both_variables()
    {
        var error = Assert.Throws<PinterestAdsException>(() => ConnectSettings.Resolve(new ConnectInput { FromEnvironment = true }, Env(("PINTEREST_ADS_CLIENT_ID", "1"))));
        Assert.Contains("PINTEREST_ADS_REFRESH_TOKEN", error.Message);
        Assert.Contains("PINTEREST_ADS_ACCESS_TOKEN", error.Message);
    }

    [Fact]
    public async Task The_listener_returns_the_code_for_the_right_state()
    {
        var redirect = new Uri($"http://127.0.0.1:{FreePort()}/callback/");
        using var listener = LoopbackRedirectListener.Start(redirect);
        var wait = listener.WaitForCodeAsync("good-state", TimeSpan.FromSeconds(20), new RecordingObserver(), default);
        using var http = new HttpClient();
        var favicon = await http.GetAsync(new Uri(redirect, "/favicon.ico"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, favicon.StatusCode);
        var page = await http.GetAsync(redirect + "?code=the-code-123456&state=good-state");
        Assert.True(page.IsSuccessStatusCode);
        Assert.DoesNotContain("the-code-123456", await page.Content.ReadAsStringAsync());
        Assert.Equal("the-code-123456", await wait);
    }

    [Fact]
    public async Task A_state_mismatch_is_a_clear_error_and_the_code_is_not_used()
    {
        var redirect = new Uri($"http://127.0.0.1:{FreePort()}/");
        using var listener = LoopbackRedirectListener.Start(redirect);
        var wait = listener.WaitForCodeAsync("good-state", TimeSpan.FromSeconds(20), new RecordingObserver(), default);
        using var http = new HttpClient();
        var page = await http.GetAsync(redirect + "?code=the-code-123456&state=forged");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, page.StatusCode);
        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => wait);
        Assert.Equal("stateMismatch", error.ErrorId);
        Assert.Contains("state", error.Message);
        Assert.DoesNotContain("the-code-123456", error.Message);
    }

    [Fact]
    public void A_denial_reads_its_form_encoded_description_and_a_repeated_state_cannot_replace_the_first()
    {
        var denied = SignInRedirect.Judge("/cb?error=access_denied&error_description=The+user+said+%22no%22%21&state=good-state", "/cb", "good-state");
        Assert.Null(denied.Code);
        Assert.Equal("signInDenied", denied.Failure!.ErrorId);
        Assert.Contains("access_denied — The user said \"no\"!", denied.Failure.Message);

        var smuggled = SignInRedirect.Judge("/cb?code=c0de-1&state=forged&state=good-state", "/cb", "good-state");
        Assert.Null(smuggled.Code);
        Assert.Equal("stateMismatch", smuggled.Failure!.ErrorId);
    }

    [Fact]
    public void A_busy_redirect_port_is_refused_naming_the_parameter()
    {
        var busy = new TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        try
        {
            int port = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;
            var error = Assert.Throws<PinterestAdsException>(() => LoopbackRedirectListener.Start(new Uri($"http://127.0.0.1:{port}/")));
            Assert.StartsWith("-RedirectUri:", error.Message);
        }
        finally
        {
            busy.Stop();
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        int port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
