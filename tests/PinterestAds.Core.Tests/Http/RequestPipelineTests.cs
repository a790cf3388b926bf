using System.Net;
using System.Text;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;
using PinterestAds.Core.Limiting;
using PinterestAds.Core.Resilience;
using Xunit;

namespace PinterestAds.Core.Tests.Http;

public sealed class RequestPipelineTests
{
    private sealed class ScriptedHandler : HttpMessageHandler
    {
        private readonly Func<HttpRequestMessage, HttpResponseMessage> _respond;

        public ScriptedHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) => _respond = respond;

        public List<HttpRequestMessage> Seen { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen.Add(request);
            return Task.FromResult(_respond(request));
        }
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private static (RequestPipeline Pipeline, CountingLimiter Limiter, RotatingTokens Tokens) Build(ScriptedHandler handler)
    {
        var limiter = new CountingLimiter();
        var tokens = new RotatingTokens();
        var transport = new ApiTransport(ApiEndpoint.Parse("http://127.0.0.1:9/v5", "ApiBaseUri"), "client", new HttpClient(handler), limiter);
        return (new RequestPipeline(transport, tokens, SingleAttempt.Instance), limiter, tokens);
    }

    [Fact]
    public async Task A_rejected_token_is_renewed_once_and_the_call_replayed()
    {
        var handler = new ScriptedHandler(r => r.Headers.Authorization!.Parameter == "token-1"
            ? Json(HttpStatusCode.Unauthorized, "{\"code\":2,\"message\":\"Authentication failed.\"}")
            : Json(HttpStatusCode.OK, "{\"id\":\"1\"}"));
        var (pipeline, limiter, tokens) = Build(handler);

        var response = await pipeline.SendAsync(ApiRequest.Get("ad_accounts/1", "get_ad_account"), SilentObserver.Instance, default);

        Assert.True(response.IsSuccess);
        Assert.Equal(1, tokens.Renewals);
        Assert.Equal(2, handler.Seen.Count);
        Assert.Equal(2, limiter.Permits);
    }

    [Fact]
    public async Task A_token_rejected_twice_is_not_renewed_in_a_loop()
    {
        var handler = new ScriptedHandler(_ => Json(HttpStatusCode.Unauthorized, "{\"code\":2,\"message\":\"Authentication failed.\"}"));
        var (pipeline, _, tokens) = Build(handler);

        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => pipeline.SendAsync(ApiRequest.Get("ad_accounts", "list_ad_accounts"), SilentObserver.Instance, default));

        Assert.StartsWith("Pinterest Ads /ad_accounts returned 401", error.Message);
        Assert.Equal(1, tokens.Renewals);
        Assert.Equal(2, handler.Seen.Count);
    }

    [Fact]
    public async Task Paging_follows_bookmarks_and_yields_items_page_by_page()
    {
        var handler = new ScriptedHandler(r =>
        {
            string query = r.RequestUri!.Query;
            Assert.Contains("page_size=2", query);
            return query.Contains("bookmark=b2")
                ? Json(HttpStatusCode.OK, "{\"items\":[{\"id\":\"3\"}],\"bookmark\":null}")
                : Json(HttpStatusCode.OK, "{\"items\":[{\"id\":\"1\"},{\"id\":\"2\"}],\"bookmark\":\"b2\"}");
        });
        var (pipeline, _, _) = Build(handler);

        var ids = new List<string>();
        int requestsWhenFirstItemArrived = -1;
        await foreach (var item in pipeline.ListAsync(ApiRequest.Get("ad_accounts", "list_ad_accounts"), 2, SilentObserver.Instance, default))
        {
            if (ids.Count == 0)
            {
                requestsWhenFirstItemArrived = handler.Seen.Count;
            }

            ids.Add(item.GetProperty("id").GetString()!);
        }

        Assert.Equal(new[] { "1", "2", "3" }, ids);
        Assert.Equal(1, requestsWhenFirstItemArrived);
        Assert.Equal(2, handler.Seen.Count);
    }

    [Fact]
    public async Task Writes_send_their_buffered_body_and_idempotency_key()
    {
        string? body = null;
        var handler = new ScriptedHandler(r =>
        {
            body = r.Content!.ReadAsStringAsync().Result;
            Assert.Equal("key-1", r.Headers.GetValues("Idempotency-Key").Single());
            return Json(HttpStatusCode.OK, "{\"items\":[]}");
        });
        var (pipeline, _, _) = Build(handler);

        var request = ApiRequest.Post("ad_accounts/1/campaigns", "create_campaign").WithJsonBody(new[] { new { name = "Spring" } }).WithIdempotencyKey("key-1");
        await pipeline.SendAsync(request, SilentObserver.Instance, default);

        Assert.Equal("[{\"name\":\"Spring\"}]", body);
    }
}
