using PinterestAds.Core.Ads.Values;
using PinterestAds.Core.Errors;
using Xunit;

namespace PinterestAds.Core.Tests.Ads;

public sealed class CallToActionTests
{
    [Theory]
    [InlineData("Shop now", "SHOP_NOW")]
    [InlineData("shop_now", "SHOP_NOW")]
    [InlineData("SHOP NOW", "SHOP_NOW")]
    [InlineData("ShopNow", "SHOP_NOW")]
    [InlineData("shopnow", "SHOP_NOW")]
    [InlineData(" learn-more ", "LEARN_MORE")]
    [InlineData("Find a dealer", "FIND_A_DEALER")]
    [InlineData("try it", "TRY_IT")]
    public void Text_maps_onto_customizable_cta_type(string text, string value) =>
        Assert.Equal(value, CallToAction.Map("CallToAction", text));

    [Fact]
    public void Install_now_is_refused_with_the_nearest_values()
    {
        var error = Assert.Throws<PinterestAdsException>(() => CallToAction.Map("CallToAction", "Install now"));
        Assert.StartsWith("-CallToAction: 'Install now'", error.Message);
        Assert.Contains("no INSTALL_NOW", error.Message);
        Assert.Contains("Nearest:", error.Message);
        Assert.Matches("\\((APPLY|BOOK|ORDER|BUY|SHOP|WATCH|DONATE|REGISTER)_NOW\\)", error.Message);
        Assert.Equal(FailureKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public void A_typo_suggests_the_value_meant()
    {
        var error = Assert.Throws<PinterestAdsException>(() => CallToAction.Map("CallToAction", "Sign upp"));
        Assert.Contains("(SIGN_UP)", error.Message.Split("Valid values")[0]);
    }

    [Theory]
    [InlineData("web conversion", "WEB_CONVERSION")]
    [InlineData("awareness", "AWARENESS")]
    public void Enumerations_match_case_and_space_insensitively(string text, string value) =>
        Assert.Equal(value, EnumValues.Require("ObjectiveType", text, SpecValues.ObjectiveTypes));

    [Fact]
    public void An_unknown_enumeration_value_names_the_parameter_and_the_valid_values()
    {
        var error = Assert.Throws<PinterestAdsException>(() => EnumValues.Require("ObjectiveType", "AWARNESS", SpecValues.ObjectiveTypes));
        Assert.StartsWith("-ObjectiveType: 'AWARNESS' is not a valid value. Did you mean AWARENESS", error.Message);
        Assert.Contains("Valid values: AWARENESS, CONSIDERATION", error.Message);
    }
}
