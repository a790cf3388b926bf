using PinterestAds.Core.Ads;
using PinterestAds.Core.Errors;
using Xunit;

namespace PinterestAds.Core.Tests.Ads;

public sealed class PinterestIdTests
{
    [Theory]
    [InlineData("../1")]
    [InlineData("12a")]
    [InlineData("")]
    [InlineData("1234567890123456789")]
    [InlineData("\u0663")] // Arabic-Indic three: char.IsDigit and \d say yes
    [InlineData("12\u09E9")] // Bengali three
    [InlineData("\uFF13")] // full-width three
    public void Ids_are_1_to_18_ascii_digits(string text)
    {
        var error = Assert.Throws<PinterestAdsException>(() => PinterestId.Parse("AdAccountId", text));
        Assert.Equal(FailureKind.InvalidArgument, error.Kind);
        Assert.StartsWith("-AdAccountId:", error.Message);
        Assert.Contains("1 to 18 digits 0-9", error.Message);
    }

    [Fact]
    public void Digits_of_another_script_are_named_as_such()
    {
        var error = Assert.Throws<PinterestAdsException>(() => PinterestId.Parse("CampaignId", "\u0661\u0662\u0663"));
        Assert.Contains("digits of another script", error.Message);
    }

    [Theory]
    [InlineData("549755885175", "549755885175")]
    [InlineData(" 007 ", "007")]
    [InlineData("123456789012345678", "123456789012345678")]
    public void An_id_keeps_its_digits(string text, string expected)
    {
        Assert.Equal(expected, PinterestId.Parse("Id", text).ToString());
        Assert.Equal(PinterestId.Parse("Id", expected), PinterestId.Parse("Id", text));
    }
}
