using System.Collections;
using System.Text.Json.Nodes;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Inputs;
using PinterestAds.Core.Ads.Shapes;
using PinterestAds.Core.Errors;
using Xunit;

namespace PinterestAds.Core.Tests.Ads;

public sealed class TargetingAndBodyTests
{
    private static PinterestId Id(string digits) => PinterestId.Parse("Id", digits);

    private static JsonNode Targeting(object value) => SpecShapes.Targeting.Convert(value, "Targeting", string.Empty)!;

    private static PinterestAdsException TargetingError(object value) =>
        Assert.Throws<PinterestAdsException>(() => SpecShapes.Targeting.Convert(value, "Targeting", string.Empty));

    [Fact]
    public void A_targeting_hashtable_becomes_the_spec_shape()
    {
        // Sent in the spec's key order whatever the order of the hashtable.
        var json = Targeting(new Hashtable
        {
            ["location"] = "us",
            ["GENDER"] = new object[] { "Female", "male" },
            ["AppType"] = "iphone",
            ["MINIMUM_AGE"] = 25,
            ["MAXIMUM_AGE"] = "65+",
            ["LOCALE"] = "EN",
            ["SHOPPING_RETARGETING"] = new Hashtable { ["lookback_window"] = 30, ["exclusion_window"] = 7, ["tag_types"] = new[] { 0, 6 } },
        });

        Assert.Equal(
            "{\"APPTYPE\":[\"iphone\"],\"GENDER\":[\"female\",\"male\"],\"LOCALE\":[\"en\"],\"LOCATION\":[\"US\"],\"MAXIMUM_AGE\":\"65+\",\"MINIMUM_AGE\":\"25\",\"SHOPPING_RETARGETING\":[{\"lookback_window\":30,\"exclusion_window\":7,\"tag_types\":[0,6]}]}",
            json.ToJsonString(PinterestAds.Core.Json.PinterestJson.Options));
    }

    [Fact]
    public void Json_text_from_a_csv_cell_is_accepted() =>
        Assert.Equal("{\"GEO\":[\"BE-VOV\"]}", Targeting("{\"geo\":[\"be-vov\"]}").ToJsonString());

    [Fact]
    public void An_unknown_key_is_refused_with_the_nearest_keys()
    {
        var error = TargetingError(new Hashtable { ["GENDERS"] = "female", ["LOCATION"] = "US" });
        Assert.StartsWith("-Targeting: 'GENDERS' is not a targeting_spec key. Did you mean GENDER", error.Message);
        Assert.Contains("AGE_BUCKET, APPTYPE", error.Message);
    }

    [Theory]
    [InlineData("GENDER", "females", "GENDER[0]: 'females' is not a valid value. Did you mean female")]
    [InlineData("APPTYPE", "android", "APPTYPE[0]: 'android' is not a valid value.")]
    [InlineData("AGE_BUCKET", "18-25", "AGE_BUCKET[0]: '18-25' is not a valid value.")]
    [InlineData("LOCATION", "USA", "LOCATION[0]: 'USA' is not valid; expected a two-letter country code")]
    [InlineData("GEO", "Flanders", "GEO[0]: 'Flanders' is not valid; expected a region code")]
    [InlineData("AUDIENCE_INCLUDE", "../1", "AUDIENCE_INCLUDE[0]: '../1' is not valid")]
    public void Values_are_checked_against_the_spec(string key, string value, string message)
    {
        var spec = new Hashtable { [key] = value };
        if (key != "LOCATION")
        {
            spec["LOCATION"] = "US";
        }

        Assert.Contains(message, TargetingError(spec).Message);
    }

    [Fact]
    public void Rules_across_keys_are_enforced()
    {
        Assert.Contains("MINIMUM_AGE and MAXIMUM_AGE must be given together", TargetingError(new Hashtable { ["MINIMUM_AGE"] = 18, ["LOCATION"] = "US" }).Message);
        Assert.Contains("AGE_BUCKET cannot be combined", TargetingError(new Hashtable { ["MINIMUM_AGE"] = 18, ["MAXIMUM_AGE"] = 30, ["AGE_BUCKET"] = "18-24", ["LOCATION"] = "US" }).Message);
        Assert.Contains("must not be above", TargetingError(new Hashtable { ["MINIMUM_AGE"] = 40, ["MAXIMUM_AGE"] = 30, ["LOCATION"] = "US" }).Message);
        Assert.Contains("give LOCATION", TargetingError(new Hashtable { ["GENDER"] = "male" }).Message);
    }

    [Fact]
    public void A_campaign_create_carries_the_spec_fields_and_micros()
    {
        var body = CampaignRequests.Create(Id("549755885175"), new CampaignInput
        {
            Name = "Spring",
            ObjectiveType = "awareness",
            DailySpendCap = 25.5m,
            StartTime = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc),
            TrackingUrls = new Hashtable { ["Impression"] = "https://t.example/i" },
            CampaignBudgetOptimization = true,
        });

        Assert.Equal(
            "{\"ad_account_id\":\"549755885175\",\"name\":\"Spring\",\"objective_type\":\"AWARENESS\",\"daily_spend_cap\":25500000,\"is_campaign_budget_optimization\":true,\"start_time\":1740787200,\"tracking_urls\":{\"impression\":[\"https://t.example/i\"]}}",
            body.ToJsonString());
    }

    [Fact]
    public void Both_spend_caps_are_refused()
    {
        var error = Assert.Throws<PinterestAdsException>(() => CampaignRequests.Create(Id("1"), new CampaignInput { Name = "x", ObjectiveType = "AWARENESS", DailySpendCap = 1m, LifetimeSpendCap = 2m }));
        Assert.StartsWith("-LifetimeSpendCap: cannot be given together with -DailySpendCap", error.Message);
    }

    [Fact]
    public void An_order_line_id_is_an_id_and_a_change()
    {
        Assert.Equal("{\"id\":\"7\",\"ad_account_id\":\"1\",\"order_line_id\":\"42\"}", CampaignRequests.Update(Id("1"), Id("7"), new CampaignInput { OrderLineId = "42" }).ToJsonString());
        Assert.StartsWith("-OrderLineId:", Assert.Throws<PinterestAdsException>(() => CampaignRequests.Update(Id("1"), Id("7"), new CampaignInput { OrderLineId = "\uFF14\uFF12" })).Message);
    }

    [Fact]
    public void An_update_sends_only_what_was_given()
    {
        Assert.Equal("{\"id\":\"7\",\"ad_account_id\":\"1\",\"status\":\"PAUSED\"}", CampaignRequests.Update(Id("1"), Id("7"), new CampaignInput { Status = "paused" }).ToJsonString());
        Assert.Equal("{\"id\":\"8\",\"bid_in_micro_currency\":1200000}", AdGroupRequests.Update(Id("1"), Id("8"), new AdGroupInput { Bid = 1.2m }).ToJsonString());
        var nothing = Assert.Throws<PinterestAdsException>(() => AdRequests.Update(Id("1"), Id("9"), new AdInput()));
        Assert.Equal("nothingToUpdate", nothing.ErrorId);
    }

    [Fact]
    public void An_ad_maps_its_call_to_action_and_checks_urls()
    {
        var body = AdRequests.Create(Id("1"), Id("2"), Id("3"), new AdInput { CreativeType = "regular", CallToAction = "Shop now", DestinationUrl = "https://example.com/p", IosDeepLink = "shop://p/3" });
        Assert.Equal("{\"ad_group_id\":\"2\",\"pin_id\":\"3\",\"creative_type\":\"REGULAR\",\"destination_url\":\"https://example.com/p\",\"customizable_cta_type\":\"SHOP_NOW\",\"ios_deep_link\":\"shop://p/3\"}", body.ToJsonString());
        Assert.StartsWith("-DestinationUrl:", Assert.Throws<PinterestAdsException>(() => AdRequests.Create(Id("1"), Id("2"), Id("3"), new AdInput { CreativeType = "REGULAR", DestinationUrl = "javascript:alert(1)" })).Message);
    }

    [Fact]
    public void A_lifetime_ad_group_budget_needs_an_end_time()
    {
        var error = Assert.Throws<PinterestAdsException>(() => AdGroupRequests.Create(Id("1"), Id("2"), new AdGroupInput { Name = "g", BillableEvent = "IMPRESSION", Budget = 10m, BudgetType = "lifetime" }));
        Assert.StartsWith("-EndTime:", error.Message);
    }

    [Fact]
    public void End_time_must_follow_start_time()
    {
        var start = new DateTime(2025, 3, 2, 0, 0, 0, DateTimeKind.Utc);
        var error = Assert.Throws<PinterestAdsException>(() => CampaignRequests.Update(Id("1"), Id("2"), new CampaignInput { StartTime = start, EndTime = start.AddDays(-1) }));
        Assert.StartsWith("-EndTime: must be after -StartTime", error.Message);
    }
}
