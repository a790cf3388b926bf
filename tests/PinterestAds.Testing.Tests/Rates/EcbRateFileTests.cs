using System.Globalization;
using System.Xml.Linq;

namespace PinterestAds.Testing.Tests.Rates;

public sealed class EcbRateFileTests : ApiTest
{
    private static readonly XNamespace Eurofxref = "http://www.ecb.int/vocabulary/2002-08-01/eurofxref";
    private static readonly XNamespace Gesmes = "http://www.gesmes.org/xml/2002-08-01";

    private async Task<XDocument> Fetch()
    {
        using var client = new HttpClient();
        return XDocument.Parse(await client.GetStringAsync(Server.ExchangeRates.Uri));
    }

    [Fact]
    public async Task The_file_has_the_ecb_shape_newest_first_and_fixing_days_only()
    {
        Server.ExchangeRates.HistoryDays = 5000;
        var xml = await Fetch();
        Assert.Equal(Gesmes + "Envelope", xml.Root!.Name);
        Assert.Equal("European Central Bank", (string)xml.Root.Element(Gesmes + "Sender")!.Element(Gesmes + "name")!);
        var days = xml.Root.Element(Eurofxref + "Cube")!.Elements(Eurofxref + "Cube").ToList();
        var dates = days.Select(d => DateTime.ParseExact((string)d.Attribute("time")!, "yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList();

        Assert.True(dates.Count > 3000);
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        Assert.True(dates[0] < Server.UtcNow.UtcDateTime.Date);
        Assert.DoesNotContain(dates, d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday);
        Assert.DoesNotContain(dates, d => (d.Month == 12 && d.Day == 25) || (d.Month == 1 && d.Day == 1) || (d.Month == 5 && d.Day == 1));
        Assert.DoesNotContain(new DateTime(2025, 4, 18), dates); // Good Friday
        Assert.DoesNotContain(new DateTime(2025, 4, 21), dates); // Easter Monday
        Assert.Contains(new DateTime(2025, 4, 17), dates);
        Assert.Equal(Server.ExchangeRates.LastFixingOnOrBefore(Server.UtcNow.UtcDateTime.Date.AddDays(-1)), dates[0]);

        var newest = days[0].Elements(Eurofxref + "Cube").ToDictionary(c => (string)c.Attribute("currency")!, c => decimal.Parse((string)c.Attribute("rate")!, CultureInfo.InvariantCulture));
        Assert.Contains("USD", newest.Keys);
        Assert.Contains("GBP", newest.Keys);
        Assert.DoesNotContain("ARS", newest.Keys);
        Assert.DoesNotContain("EUR", newest.Keys);
        Assert.Equal(Server.ExchangeRates.EcbRate("USD", dates[0]), newest["USD"]);
        Assert.InRange(newest["USD"], 1.0m, 1.2m);
    }

    [Fact]
    public async Task Fetches_are_counted_and_faults_apply()
    {
        Assert.Equal(0, Server.ExchangeRates.FetchCount);
        await Fetch();
        Assert.Equal(1, Server.ExchangeRates.FetchCount);

        Server.Faults.InjectStatus("GET", "/ecb/eurofxref-hist.xml", 503);
        using var client = new HttpClient();
        using var failed = await client.GetAsync(Server.ExchangeRates.Uri);
        Assert.Equal(503, (int)failed.StatusCode);
        Assert.Equal(1, Server.ExchangeRates.FetchCount);
        Assert.Equal(2, Server.RequestsTo("GET", "/ecb/").Count);
    }

    [Fact]
    public void Weekends_and_holidays_fall_back_to_the_last_fixing_and_cross_through_usd()
    {
        var saturday = new DateTime(2025, 3, 15);
        var friday = new DateTime(2025, 3, 14);
        Assert.Null(Server.ExchangeRates.EcbRate("USD", saturday));
        Assert.Equal(friday, Server.ExchangeRates.LastFixingOnOrBefore(saturday));
        Assert.Equal(new DateTime(2025, 4, 17), Server.ExchangeRates.LastFixingOnOrBefore(new DateTime(2025, 4, 21))); // Easter Monday → Thursday
        decimal usd = Server.ExchangeRates.EcbRate("USD", friday)!.Value;
        decimal gbp = Server.ExchangeRates.EcbRate("GBP", friday)!.Value;
        Assert.Equal(usd / gbp, Server.ExchangeRates.UsdPerUnit("GBP", saturday));
        Assert.Equal(usd, Server.ExchangeRates.UsdPerUnit("EUR", saturday));
        Assert.Equal(1m, Server.ExchangeRates.UsdPerUnit("USD", saturday));
        Assert.Null(Server.ExchangeRates.UsdPerUnit("ARS", friday));
        Assert.NotEqual(Server.ExchangeRates.EcbRate("USD", friday), Server.ExchangeRates.EcbRate("USD", friday.AddDays(-1)));
    }
}
