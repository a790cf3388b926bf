using System.Text.Json.Nodes;

namespace PinterestAds.Testing.Tests;

public sealed class AdGroupAndAdTests : ApiTest
{
    [Fact]
    public async Task Ad_group_rules_give_per_item_exceptions()
    {
        string campaign = (await Api.CreateCampaigns(Api.Campaign("c")))[0];
        var cbo = Api.Campaign("cbo");
        cbo["is_campaign_budget_optimization"] = true;
        cbo["lifetime_spend_cap"] = 100_000_000;
        string cboCampaign = (await Api.CreateCampaigns(cbo))[0];

        JsonObject Group(string name, string campaignId) => new()
        {
            ["name"] = name,
            ["campaign_id"] = campaignId,
            ["billable_event"] = "IMPRESSION",
            ["budget_in_micro_currency"] = 10_000_000,
            ["targeting_spec"] = new JsonObject { ["LOCATION"] = new JsonArray("US") },
        };

        var noBudget = Group("no budget", campaign);
        noBudget.Remove("budget_in_micro_currency");
        var lifetime = Group("lifetime", campaign);
        lifetime["budget_type"] = "LIFETIME";
        var underCbo = Group("under cbo", cboCampaign);
        underCbo.Remove("budget_in_micro_currency");

        var reply = await Api.Post($"ad_accounts/{Api.Account}/ad_groups",
            new JsonArray(Group("ok", "C" + campaign), Group("orphan", "123"), noBudget, lifetime, underCbo));
        var items = reply.Json!["items"]!.AsArray();
        var ok = items[0]!["data"]!;
        Assert.Equal(campaign, (string)ok["campaign_id"]!);
        Assert.Equal("adgroup", (string)ok["type"]!);
        Assert.Equal("RUNNING", (string)ok["summary_status"]!);
        Assert.Equal("US", (string)ok["targeting_spec"]!["LOCATION"]![0]!);
        Assert.Equal(404, (int)items[1]!["exceptions"]![0]!["code"]!);
        Assert.Contains("budget_in_micro_currency", (string)items[2]!["exceptions"]![0]!["message"]!);
        Assert.Contains("end_time", (string)items[3]!["exceptions"]![0]!["message"]!);
        Assert.Equal("CBO_ADGROUP", (string)items[4]!["data"]!["budget_type"]!);
    }

    [Fact]
    public async Task Ads_report_a_single_exception_object_and_start_pending()
    {
        string campaign = (await Api.CreateCampaigns(Api.Campaign("c")))[0];
        var group = await Api.Post($"ad_accounts/{Api.Account}/ad_groups", new JsonArray(new JsonObject
        {
            ["name"] = "g", ["campaign_id"] = campaign, ["billable_event"] = "CLICKTHROUGH", ["budget_in_micro_currency"] = 5_000_000,
        }));
        string groupId = (string)group.Json!["items"]![0]!["data"]!["id"]!;

        var reply = await Api.Post($"ad_accounts/{Api.Account}/ads", new JsonArray(
            new JsonObject { ["ad_group_id"] = "AG" + groupId, ["creative_type"] = "REGULAR", ["pin_id"] = "394205773611545468", ["name"] = "ad", ["customizable_cta_type"] = "SHOP_NOW" },
            new JsonObject { ["ad_group_id"] = "1", ["creative_type"] = "REGULAR", ["pin_id"] = "394205773611545468" },
            new JsonObject { ["ad_group_id"] = groupId, ["creative_type"] = "REGULAR", ["pin_id"] = "1", ["customizable_cta_type"] = "INSTALL_NOW" }));
        var items = reply.Json!["items"]!.AsArray();
        var ad = items[0]!["data"]!;
        Assert.Equal("PENDING", (string)ad["review_status"]!);
        Assert.Equal("PENDING", (string)ad["summary_status"]!);
        Assert.Equal("pinpromotion", (string)ad["type"]!);
        Assert.Equal(campaign, (string)ad["campaign_id"]!);
        Assert.Equal(groupId, (string)ad["ad_group_id"]!);

        var missingGroup = items[1]!["exceptions"]!;
        Assert.IsType<JsonObject>(missingGroup);
        Assert.Equal(404, (int)missingGroup["code"]!);
        Assert.Null(items[1]!["data"]);
        Assert.IsType<JsonObject>(items[2]!["exceptions"]);
        Assert.Contains("customizable_cta_type", (string)items[2]!["exceptions"]!["message"]!);

        string adId = (string)ad["id"]!;
        Server.SetAdReviewStatus(Api.Account, adId, "APPROVED");
        var paused = await Api.Patch($"ad_accounts/{Api.Account}/ads", new JsonArray(new JsonObject { ["id"] = adId, ["status"] = "PAUSED" }));
        Assert.Equal("PAUSED", (string)paused.Json!["items"]![0]!["data"]!["summary_status"]!);
        var byGroup = await Api.Get($"ad_accounts/{Api.Account}/ads?ad_group_ids={groupId}");
        Assert.Equal(adId, (string)byGroup.Json!["items"]![0]!["id"]!);
    }
}
