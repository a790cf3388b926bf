using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;
using Xunit;

namespace PinterestAds.Core.Tests.Http;

public sealed class ApiEndpointTests
{
    [Fact]
    public void Production_and_sandbox_use_pinterest_hosts()
    {
        Assert.Equal("https://api.pinterest.com/v5/", ApiEndpoint.For(PinterestEnvironment.Production).BaseUri.ToString());
        Assert.Equal("https://api-sandbox.pinterest.com/v5/", ApiEndpoint.For(PinterestEnvironment.Sandbox).BaseUri.ToString());
        Assert.Equal("https://www.pinterest.com/oauth/", ApiEndpoint.For(PinterestEnvironment.Sandbox).AuthorizeUri.ToString());
    }

    [Fact]
    public void A_loopback_base_gets_a_trailing_slash_and_its_own_authorize_page()
    {
        var endpoint = ApiEndpoint.Parse("http://127.0.0.1:5123/v5", "ApiBaseUri");
        Assert.Equal(PinterestEnvironment.Custom, endpoint.Environment);
        Assert.Equal("http://127.0.0.1:5123/v5/ad_accounts?x=1", endpoint.Resolve("ad_accounts?x=1").ToString());
        Assert.Equal("http://127.0.0.1:5123/oauth/", endpoint.AuthorizeUri.ToString());
    }

    [Fact]
    public void The_production_address_given_explicitly_is_recognised()
    {
        Assert.Equal(PinterestEnvironment.Production, ApiEndpoint.Parse("https://api.pinterest.com/v5", "ApiBaseUri").Environment);
    }

    [Theory]
    [InlineData("not a uri", "absolute https URI")]
    [InlineData("/v5", "absolute https URI")]
    [InlineData("http://api.example.com/v5", "https")]
    [InlineData("ftp://127.0.0.1/v5", "https")]
    [InlineData("https://api.example.com/v5?debug=1", "query")]
    [InlineData("https://user:pw@api.example.com/v5", "user name")]
    public void Malformed_or_unsafe_addresses_are_refused_naming_the_parameter(string value, string rule)
    {
        var error = Assert.Throws<PinterestAdsException>(() => ApiEndpoint.Parse(value, "ApiBaseUri"));
        Assert.Equal(FailureKind.InvalidArgument, error.Kind);
        Assert.StartsWith("-ApiBaseUri:", error.Message);
        Assert.Contains(rule, error.Message);
    }

    [Theory]
    [InlineData("https://user:s3cret-pw@api.example.com/v5")]
    [InlineData("http://user:s3cret-pw@api.example.com/v5")]
    [InlineData("ftp://user:s3cret-pw@127.0.0.1/v5")]
    public void A_password_in_a_refused_address_is_never_echoed(string value)
    {
        var error = Assert.Throws<PinterestAdsException>(() => ApiEndpoint.Parse(value, "ApiBaseUri"));
        Assert.DoesNotContain("s3cret-pw", error.Message);
        Assert.DoesNotContain("s3cret-pw", error.Target?.ToString() ?? string.Empty);
        Assert.Contains("***@", error.Message);
    }
}
