using System.Collections;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Experiments.Creation;
using Xunit;

namespace PinterestAds.Core.Tests.Experiments;

public sealed class ExperimentPlanTests
{
    private static VariantSpec Variant(string name, string pin, params (string Key, object Value)[] more)
    {
        var data = new Hashtable(StringComparer.OrdinalIgnoreCase) { ["Name"] = name, ["PinId"] = pin };
        foreach (var (key, value) in more)
        {
            data[key] = value;
        }

        return VariantSpec.FromData(1, data);
    }

    private static NewExperimentInput Input(params VariantSpec[] variants) => new()
    {
        AdAccountId = "549755885175",
        CampaignId = "626736533506",
        Name = "Spring hero",
        Variant = variants,
        Defaults = new VariantSpec { BillableEvent = "CLICKTHROUGH", Budget = 20m, Bid = 0.85m },
        IdempotencyKey = "run-42",
    };

    [Fact]
    public void The_control_is_active_the_treatments_paused_and_each_ad_promotes_its_variants_pin()
    {
        var plan = ExperimentPlan.Build(Input(Variant("Studio", "111"), Variant("Lifestyle", "222", ("Budget", 35))));

        Assert.Equal(new[] { "ACTIVE", "PAUSED" }, plan.Variants.Select(v => (string?)v.AdGroup["status"]));
        Assert.Equal(new[] { "[Experiment: Spring hero] Control: Studio", "[Experiment: Spring hero] Variant: Lifestyle" }, plan.Variants.Select(v => (string?)v.AdGroup["name"]));
        Assert.Equal(new long?[] { 20_000_000, 35_000_000 }, plan.Variants.Select(v => (long?)v.AdGroup["budget_in_micro_currency"]));
        Assert.All(plan.Variants, v => Assert.Equal(850_000L, (long?)v.AdGroup["bid_in_micro_currency"]));
        var ad = plan.Variants[1].Ad("2680059592706");
        Assert.Equal(("2680059592706", "222", "REGULAR"), ((string?)ad["ad_group_id"], (string?)ad["pin_id"], (string?)ad["creative_type"]));
        Assert.Equal(("run-42:ad-group:2", "run-42:ad:2"), (plan.Keys.AdGroup(2), plan.Keys.Ad(2)));
    }

    [Fact]
    public void A_control_named_in_any_case_becomes_the_one_active_variant()
    {
        var input = Input(Variant("Studio", "111"), Variant("Lifestyle", "222"));
        input.Control = "LIFESTYLE";

        var plan = ExperimentPlan.Build(input);

        Assert.Equal(new[] { false, true }, plan.Variants.Select(v => v.IsControl));
        Assert.Equal("[Experiment: Spring hero] Control: Lifestyle", plan.Variants[1].AdGroupName);
    }

    [Fact]
    public void Without_a_key_one_is_made_for_the_run_and_the_item_keys_derive_from_it()
    {
        var input = Input(Variant("Studio", "111"), Variant("Lifestyle", "222"));
        input.IdempotencyKey = null;

        var keys = ExperimentPlan.Build(input).Keys;

        Assert.True(keys.Generated);
        Assert.StartsWith("experiment-", keys.Base);
        Assert.Equal(keys.Base + ":ad:1", keys.Ad(1));
    }

    [Theory]
    [InlineData("Budget", "Variant", "variant 1 ('Studio'): Budget: -1 is negative")]
    [InlineData("BillableEvent", "Variant", "variant 1 ('Studio'): BillableEvent: 'CLICKS' is not a valid value")]
    public void A_bad_value_a_variant_gives_is_blamed_on_the_variant(string key, string parameter, string message)
    {
        object value = key == "Budget" ? -1 : "CLICKS";

        var error = Assert.Throws<PinterestAdsException>(() => ExperimentPlan.Build(Input(Variant("Studio", "111", (key, value)), Variant("Lifestyle", "222"))));

        Assert.Equal(parameter, error.Parameter);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_bad_value_the_experiment_gives_is_blamed_on_its_parameter()
    {
        var input = Input(Variant("Studio", "111"), Variant("Lifestyle", "222"));
        input.Defaults = new VariantSpec { BillableEvent = "CLICKS", Budget = 20m };

        var error = Assert.Throws<PinterestAdsException>(() => ExperimentPlan.Build(input));

        Assert.Equal("BillableEvent", error.Parameter);
    }

    [Fact]
    public void Names_are_checked_before_ids_of_pins_so_the_first_error_is_the_one_about_the_experiment()
    {
        var input = Input(Variant("Studio", "1a1"), Variant("studio", "222"));

        var error = Assert.Throws<PinterestAdsException>(() => ExperimentPlan.Build(input));

        Assert.Contains("two variants are named 'Studio'", error.Message);
    }

    [Fact]
    public void A_variant_given_as_a_custom_object_or_a_csv_row_reads_like_a_hashtable()
    {
        var row = new System.Collections.Specialized.OrderedDictionary { ["name"] = "Studio", ["PINID"] = 1016239833598937L, ["Budget"] = "12.5", ["Targeting"] = "" };

        var spec = VariantSpec.FromData(3, row);

        Assert.Equal(("Studio", "1016239833598937", 12.5m), (spec.Name, spec.PinId, spec.Budget!.Value));
        Assert.Null(spec.Targeting);
        Assert.True(spec.Gave("Budget"));
        Assert.False(spec.Gave("Targeting"));
    }
}
