using System.Text;
using PinterestAds.Core.Diagnostics;
using Xunit;

namespace PinterestAds.Core.Tests.Diagnostics;

public sealed class RedactionTests
{
    [Theory]
    [InlineData("{\"access_token\":\"pina_abc\",\"scope\":\"ads:read\"}", "pina_abc")]
    [InlineData("{\"refresh_token\" : \"pinr_xyz\"}", "pinr_xyz")]
    [InlineData("grant_type=authorization_code&code=c0de-value&redirect_uri=x", "c0de-value")]
    [InlineData("grant_type=refresh_token&refresh_token=pinr_123", "pinr_123")]
    [InlineData("http://localhost:8085/?code=abc123&state=s", "abc123")]
    [InlineData("{\"items\":[{\"access_token\":\"pina_cut_off_by_an_exc", "pina_cut_off")]
    public void Secret_fields_are_masked_wherever_they_appear(string text, string secret)
    {
        string redacted = SecretRedactor.Redact(text);
        Assert.DoesNotContain(secret, redacted);
        Assert.Contains(SecretRedactor.Mask, redacted);
    }

    [Fact]
    public void A_registered_secret_is_masked_even_in_free_text()
    {
        SecretRedactor.Register("pina_registered_secret_value");
        Assert.Equal("token was ***!", SecretRedactor.Redact("token was pina_registered_secret_value!"));
    }

    [Fact]
    public void Ordinary_fields_stay_readable()
    {
        Assert.Equal("{\"name\":\"Spring sale\",\"status\":\"ACTIVE\"}", SecretRedactor.Redact("{\"name\":\"Spring sale\",\"status\":\"ACTIVE\"}"));
    }

    [Fact]
    public void Request_traces_show_allow_listed_headers_and_redact_the_rest()
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "https://api.pinterest.com/v5/oauth/token");
        message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "Y2xpZW50OnNlY3JldA==");
        message.Headers.TryAddWithoutValidation("Idempotency-Key", "key-1");
        message.Headers.TryAddWithoutValidation("X-Custom-Secret", "hunter2");
        byte[] body = Encoding.UTF8.GetBytes("grant_type=refresh_token&refresh_token=pinr_secret");

        string trace = HttpTrace.FormatRequest(message, body, attempt: 2);

        Assert.Contains("Idempotency-Key: key-1", trace);
        Assert.Contains("Authorization: <redacted>", trace);
        Assert.Contains("X-Custom-Secret: <redacted>", trace);
        Assert.DoesNotContain("Y2xpZW50OnNlY3JldA==", trace);
        Assert.DoesNotContain("hunter2", trace);
        Assert.DoesNotContain("pinr_secret", trace);
        Assert.Contains("(attempt 2)", trace);
    }
}
