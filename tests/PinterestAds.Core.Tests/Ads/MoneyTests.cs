using System.Globalization;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Errors;
using Xunit;

namespace PinterestAds.Core.Tests.Ads;

public sealed class MoneyTests
{
    [Theory]
    [InlineData("12.3456785", 12345679)]
    [InlineData("12.3456784", 12345678)]
    [InlineData("0.0000005", 1)]
    [InlineData("0.0000015", 2)]
    [InlineData("25.50", 25500000)]
    [InlineData("1", 1000000)]
    [InlineData("0", 0)]
    [InlineData("1000000000000", 1000000000000000000)]
    public void Amounts_become_micros_rounding_half_away_from_zero(string amount, long micros) =>
        Assert.Equal(micros, Micros.FromAmount("Budget", Amount.FromDecimal(decimal.Parse(amount, CultureInfo.InvariantCulture))));

    [Theory]
    [InlineData("25.50", 25500000)]
    [InlineData(" 7 ", 7000000)]
    [InlineData("1e2", 100000000)]
    public void Text_is_read_with_the_invariant_culture(string text, long micros)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            Assert.Equal(micros, Micros.FromAmount("DailySpendCap", Amount.FromText(text)));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "finite")]
    [InlineData(double.NegativeInfinity, "finite")]
    [InlineData(-0.01, "negative")]
    [InlineData(1e13, "out of range")]
    [InlineData(1e40, "too large")]
    [InlineData(0.0000004, "0.0000004 is less than one micro-unit")]
    public void Bad_amounts_are_refused_naming_the_parameter(double value, string rule)
    {
        var error = Assert.Throws<PinterestAdsException>(() => Micros.FromAmount("DailySpendCap", Amount.FromDouble(value)));
        Assert.StartsWith("-DailySpendCap: ", error.Message);
        Assert.Contains(rule, error.Message);
        Assert.Equal(FailureKind.InvalidArgument, error.Kind);
    }

    [Fact]
    public void Text_that_is_not_a_number_says_how_to_write_one()
    {
        var error = Assert.Throws<PinterestAdsException>(() => Micros.FromAmount("Bid", Amount.FromText("25,50")));
        Assert.Contains("dot as the decimal separator", error.Message);
    }

    [Fact]
    public void Blank_text_and_null_mean_not_given()
    {
        Assert.Null(Amount.From(""));
        Assert.Null(Amount.From(null));
        Assert.Equal(3m, Amount.From(3)!.Value);
    }

    [Theory]
    [InlineData("25.5", "USD", "25.50 USD")]
    [InlineData("1200", "JPY", "1,200 JPY")]
    [InlineData("0.125", "EUR", "0.125 EUR")]
    [InlineData("3", null, "3.00")]
    public void Amounts_display_with_the_currency_code(string amount, string? currency, string text) =>
        Assert.Equal(text, CurrencyText.Format(decimal.Parse(amount, CultureInfo.InvariantCulture), currency));
}
