using System.Text;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Rates;
using Xunit;

namespace PinterestAds.Core.Tests.Rates;

/// <summary>US dollars per unit, crossed through the euro from the ECB's file; days without a fixing take the last earlier one.</summary>
public sealed class RateCrossingTests
{
    // Friday 2026-11-27 and Monday 2026-11-30, newest first as the ECB writes them.
    private const string File = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
          <gesmes:subject>Reference rates</gesmes:subject>
          <Cube>
            <Cube time="2026-11-30"><Cube currency="USD" rate="1.1200"/><Cube currency="GBP" rate="0.8600"/><Cube currency="JPY" rate="160.00"/></Cube>
            <Cube time="2026-11-27"><Cube currency="USD" rate="1.1000"/><Cube currency="GBP" rate="0.8500"/><Cube currency="JPY" rate="158.50"/></Cube>
          </Cube>
        </gesmes:Envelope>
        """;

    private static EcbRates Rates() => EcbRateFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(File)));

    [Fact]
    public void Crosses_a_currency_through_the_euro()
    {
        Assert.Equal(1.12m / 0.86m, Rates().UsdPerUnit("GBP", new DateTime(2026, 11, 30)));
        Assert.Equal(1.10m / 158.50m, Rates().UsdPerUnit("JPY", new DateTime(2026, 11, 27)));
    }

    [Fact]
    public void Takes_the_euro_rate_of_the_dollar_for_the_euro()
    {
        Assert.Equal(1.12m, Rates().UsdPerUnit("EUR", new DateTime(2026, 11, 30)));
    }

    [Theory]
    [InlineData("2026-11-28")]
    [InlineData("2026-11-29")]
    public void Uses_fridays_fixing_over_the_weekend(string day)
    {
        Assert.Equal(1.10m / 0.85m, Rates().UsdPerUnit("GBP", DateTime.Parse(day)));
    }

    [Fact]
    public void Has_no_rate_before_the_first_fixing_nor_for_a_currency_the_ecb_does_not_publish()
    {
        Assert.Null(Rates().UsdPerUnit("GBP", new DateTime(2026, 11, 26)));
        Assert.False(Rates().Publishes("ARS"));
        Assert.Null(Rates().UsdPerUnit("ARS", new DateTime(2026, 11, 30)));
        Assert.Equal(new DateTime(2026, 11, 30), Rates().NewestFixing);
    }

    [Fact]
    public void Refuses_a_file_without_dollar_rates()
    {
        var error = Assert.Throws<FormatException>(() => EcbRateFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(File.Replace("USD", "CHF")))));
        Assert.Contains("no US dollar rates", error.Message);
    }

    [Fact]
    public void Converts_to_the_micro_dollar_rounding_half_away_from_zero()
    {
        Assert.Equal(1.234568m, UsdRates.ToUsd(1.2345675m, 1m));
        Assert.Equal(-1.234568m, UsdRates.ToUsd(-1.2345675m, 1m));
        Assert.Equal(28.9629m, UsdRates.ToUsd(27m, 1.0727m));
    }

    [Fact]
    public void Takes_the_last_earlier_row_of_a_csv_and_names_a_bad_line()
    {
        string path = Path.Combine(Path.GetTempPath(), "rates-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            System.IO.File.WriteAllText(path, "Date,Currency,UsdRate\n2026-11-27,eur,1.25\n2026-11-30,EUR,1.5\n");
            var rates = ExchangeRateOverride.ReadCsv(path);
            Assert.True(rates.Covers("EUR"));
            Assert.Equal(1.25m, rates.UsdPerUnit("EUR", new DateTime(2026, 11, 29)));
            Assert.Equal(1.5m, rates.UsdPerUnit("EUR", new DateTime(2026, 12, 4)));
            Assert.Null(rates.UsdPerUnit("EUR", new DateTime(2026, 11, 26)));

            System.IO.File.WriteAllText(path, "Date,Currency,UsdRate\n2026-11-27,EUR,1.25\n2026-11-30,EUR,lots\n");
            var error = Assert.Throws<PinterestAdsException>(() => ExchangeRateOverride.ReadCsv(path));
            Assert.Contains("line 3", error.Message);
            Assert.Contains("-ExchangeRate", error.Message);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }
}
