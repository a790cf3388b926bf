using PinterestAds.Core.Resilience;
using Xunit;

namespace PinterestAds.Core.Tests.Resilience;

public sealed class RetryAfterHeadersTests
{
    private static readonly DateTimeOffset Now = new(2025, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static (TimeSpan Wait, string Source)? Read(params (string, string)[] headers) =>
        RetryAfterHeaders.Read(headers.ToDictionary(h => h.Item1, h => h.Item2, StringComparer.OrdinalIgnoreCase), Now);

    [Fact]
    public void Retry_after_in_seconds() => Assert.Equal(TimeSpan.FromSeconds(2), Read(("Retry-After", "2"))!.Value.Wait);

    [Fact]
    public void Retry_after_as_an_http_date() =>
        Assert.Equal(TimeSpan.FromSeconds(90), Read(("Retry-After", Now.AddSeconds(90).ToString("r")))!.Value.Wait);

    [Fact]
    public void Retry_after_date_in_the_past_means_now() =>
        Assert.Equal(TimeSpan.Zero, Read(("Retry-After", Now.AddMinutes(-5).ToString("r")))!.Value.Wait);

    [Fact]
    public void Rate_limit_reset_in_seconds_until_reset() =>
        Assert.Equal(TimeSpan.FromSeconds(67000), Read(("X-RateLimit-Reset", "67000"))!.Value.Wait);

    [Fact]
    public void Rate_limit_reset_as_epoch_seconds_when_larger_than_now() =>
        Assert.Equal(TimeSpan.FromSeconds(30), Read(("X-RateLimit-Reset", (Now.ToUnixTimeSeconds() + 30).ToString()))!.Value.Wait);

    [Fact]
    public void Rate_limit_reset_epoch_already_past_means_now() =>
        Assert.Equal(TimeSpan.Zero, Read(("X-RateLimit-Reset", (Now.ToUnixTimeSeconds() - 30).ToString()))!.Value.Wait);

    [Fact]
    public void With_both_headers_the_longer_wait_wins_and_names_its_source()
    {
        var read = Read(("Retry-After", "1"), ("X-RateLimit-Reset", "3"))!.Value;
        Assert.Equal(TimeSpan.FromSeconds(3), read.Wait);
        Assert.Equal("X-RateLimit-Reset: 3", read.Source);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("")]
    public void Unusable_values_are_ignored(string value)
    {
        Assert.Null(Read(("Retry-After", value)));
        Assert.Null(Read(("X-RateLimit-Reset", value)));
    }
}
