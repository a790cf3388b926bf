using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;
using PinterestAds.Core.Idempotency;
using PinterestAds.Core.Tests.Resilience;
using Xunit;

namespace PinterestAds.Core.Tests.Idempotency;

/// <summary>
/// A key is journaled per API deployment and app: a runbook reusing "nightly-1" against the
/// sandbox and production (or two fake servers, or two apps) makes two writes, never a replay.
/// </summary>
public abstract partial class JournalTests
{
    private RequestPipeline PipelineFor(string apiBaseUri, string clientId = TestPipelines.ClientId) =>
        TestPipelines.Build(Api, new CountingLimiter(), TestPipelines.Retrying(Time), Journal(), Time, ApiEndpoint.Parse(apiBaseUri, "ApiBaseUri"), clientId);

    private Task<ApiResponse> Nightly(RequestPipeline pipeline, string name = "Spring") =>
        pipeline.SendAsync(TestPipelines.CreateCampaign(name, key: "nightly-1"), SilentObserver.Instance, default);

    [Theory]
    [InlineData("https://api-sandbox.pinterest.com/v5", "https://api.pinterest.com/v5")]
    [InlineData("http://127.0.0.1:9/v5", "http://127.0.0.1:10/v5")]
    public async Task The_same_key_and_request_against_two_apis_is_sent_to_both_and_each_replays_its_own(string first, string second)
    {
        var atFirst = await Nightly(PipelineFor(first));
        var atSecond = await Nightly(PipelineFor(second));

        Assert.Equal(2, Api.Posts.Count);
        Assert.Null(atSecond.Header(ApiResponse.ResultSourceHeader));
        Assert.NotEqual(atFirst.BodyText, atSecond.BodyText);

        // Each deployment keeps its own entry.
        Assert.Equal(atFirst.BodyText, (await Nightly(PipelineFor(first))).BodyText);
        Assert.Equal(atSecond.BodyText, (await Nightly(PipelineFor(second))).BodyText);
        Assert.Equal(2, Api.Posts.Count);
    }

    [Fact]
    public async Task The_same_key_and_request_for_another_app_is_sent_too()
    {
        await Nightly(PipelineFor("http://127.0.0.1:9/v5", clientId: "1234"));
        var other = await Nightly(PipelineFor("http://127.0.0.1:9/v5", clientId: "5678"));

        Assert.Equal(2, Api.Posts.Count);
        Assert.Null(other.Header(ApiResponse.ResultSourceHeader));
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/v5", "http://127.0.0.1:9/v5")]
    [InlineData("http://127.0.0.1:9/v5", "HTTP://127.0.0.1:9/v5/")]
    [InlineData("https://api.pinterest.com/v5", "https://API.pinterest.com:443/v5/")]
    public async Task The_same_key_and_request_against_the_same_api_is_replayed(string first, string sameApi)
    {
        var original = await Nightly(PipelineFor(first));

        var again = await Nightly(PipelineFor(sameApi));

        Assert.Single(Api.Posts);
        Assert.Equal("replayed", again.Header(ApiResponse.ResultSourceHeader));
        Assert.Equal(original.BodyText, again.BodyText);
    }

    [Fact]
    public async Task The_same_key_with_a_different_body_against_the_same_api_is_refused_as_reused()
    {
        await Nightly(PipelineFor("https://api-sandbox.pinterest.com/v5"), "Spring");

        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => Nightly(PipelineFor("https://api-sandbox.pinterest.com/v5"), "Summer"));

        Assert.Equal(IdempotencyErrors.KeyReusedId, error.ErrorId);
        Assert.Contains("'nightly-1'", error.Message);
        Assert.Single(Api.Posts);
    }
}
