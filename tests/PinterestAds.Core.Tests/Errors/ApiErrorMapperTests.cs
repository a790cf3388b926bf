using System.Net;
using System.Text;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;
using Xunit;

namespace PinterestAds.Core.Tests.Errors;

public sealed class ApiErrorMapperTests
{
    private static ApiResponse Response(HttpStatusCode status, string body, string? requestId = "rid-1")
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (requestId != null)
        {
            headers["x-pinterest-rid"] = requestId;
        }

        return new ApiResponse(status, headers, Encoding.UTF8.GetBytes(body));
    }

    [Fact]
    public void A_revoked_token_keeps_the_documented_message_shape()
    {
        var error = ApiErrorMapper.FromResponse(ApiRequest.Get("ad_accounts", "list_ad_accounts"), Response(HttpStatusCode.Unauthorized, "{\"code\":2,\"message\":\"Authentication failed.\"}"));

        Assert.StartsWith("Pinterest Ads /ad_accounts returned 401", error.Message);
        Assert.Equal("pinterestApi401", error.ErrorId);
        Assert.Equal(FailureKind.Authentication, error.Kind);
        Assert.Equal(2, error.ApiCode);
        Assert.Equal("rid-1", error.RequestId);
        Assert.Contains("Connect-PinterestAds", error.RecommendedAction);
    }

    [Fact]
    public void Rate_limits_name_the_operation()
    {
        var error = ApiErrorMapper.FromResponse(ApiRequest.Post("ad_accounts/1/campaigns", "create_campaign"), Response((HttpStatusCode)429, "{\"code\":8,\"message\":\"This request exceeded a rate limit.\"}"));

        Assert.StartsWith("Pinterest Ads create_campaign: 429 — This request exceeded a rate limit.", error.Message);
        Assert.Equal(FailureKind.LimitsExceeded, error.Kind);
    }

    [Theory]
    [InlineData(400, FailureKind.InvalidArgument)]
    [InlineData(403, FailureKind.PermissionDenied)]
    [InlineData(404, FailureKind.NotFound)]
    [InlineData(409, FailureKind.Conflict)]
    [InlineData(500, FailureKind.Server)]
    [InlineData(503, FailureKind.Server)]
    [InlineData(504, FailureKind.OperationTimeout)]
    public void Statuses_map_to_kinds(int status, FailureKind kind)
    {
        Assert.Equal(kind, ApiErrorMapper.KindOf(status));
    }

    [Fact]
    public void A_body_that_is_not_json_still_gives_a_useful_message()
    {
        var error = ApiErrorMapper.FromResponse(ApiRequest.Get("ad_accounts", "list_ad_accounts"), Response(HttpStatusCode.BadGateway, "<html>bad gateway</html>", requestId: null));

        Assert.Equal("Pinterest Ads /ad_accounts returned 502", error.Message);
        Assert.Null(error.ApiCode);
    }

    [Fact]
    public void An_invalid_grant_says_to_sign_in_again()
    {
        var error = ApiErrorMapper.FromResponse(ApiRequest.Post("oauth/token", "oauth_token"), Response(HttpStatusCode.BadRequest, "{\"code\":283,\"message\":\"The authorization grant is invalid\"}"));

        Assert.Equal(283, error.ApiCode);
        Assert.Contains("Connect-PinterestAds", error.RecommendedAction);
    }
}
