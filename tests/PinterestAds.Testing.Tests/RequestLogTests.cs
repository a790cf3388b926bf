using System.Text.Json.Nodes;

namespace PinterestAds.Testing.Tests;

public sealed class RequestLogTests : IDisposable
{
    private readonly PinTestServer _server = PinTestServer.StartNew();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Records_method_path_query_headers_body_and_status()
    {
        using var api = new Api(_server);
        await api.Get($"ad_accounts/{api.Account}/campaigns?entity_statuses=ACTIVE&entity_statuses=PAUSED&page_size=5");
        await api.Post($"ad_accounts/{api.Account}/campaigns", new JsonArray(api.Campaign("logged")), "idem-1");

        var get = _server.RequestsTo("GET", "/ad_accounts").Single();
        Assert.Equal($"/v5/ad_accounts/{api.Account}/campaigns", get.Path);
        Assert.Equal("entity_statuses=ACTIVE&entity_statuses=PAUSED&page_size=5", get.Query);
        Assert.Equal(new[] { "ACTIVE", "PAUSED" }, get.QueryParameters["entity_statuses"]);
        Assert.StartsWith("Bearer pina_", get.Headers["authorization"]);
        Assert.Equal(200, get.ResponseStatus);

        var post = _server.RequestsTo("POST", "^/v5/ad_accounts/\\d+/campaigns$").Single();
        Assert.Equal("idem-1", post.Header("IDEMPOTENCY-KEY"));
        Assert.Contains("\"logged\"", post.Body);
        Assert.True(post.Sequence > get.Sequence);
        Assert.Equal(DateTimeOffset.UtcNow.Date, post.Timestamp.UtcDateTime.Date);

        _server.ClearRequests();
        Assert.Empty(_server.Requests);
    }

    [Fact]
    public async Task Query_values_are_form_decoded_and_names_keep_their_case()
    {
        using var api = new Api(_server);
        await api.Get($"ad_accounts/{api.Account}/campaigns?bookmark=a%2Bb+c%26d&Page_Size=5&page_size=7&empty");

        var get = _server.RequestsTo("GET", "/ad_accounts").Single();
        Assert.Equal(new[] { "a+b c&d" }, get.QueryParameters["bookmark"]);
        Assert.Equal(new[] { "7" }, get.QueryParameters["page_size"]);
        Assert.Equal(new[] { "5" }, get.QueryParameters["Page_Size"]);
        Assert.Equal(new[] { string.Empty }, get.QueryParameters["empty"]);
    }
}
