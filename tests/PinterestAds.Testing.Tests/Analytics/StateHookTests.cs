using System.Text.Json.Nodes;

namespace PinterestAds.Testing.Tests.Analytics;

public sealed class StateHookTests : ApiTest
{
    [Fact]
    public async Task Review_status_rejections_and_entity_statuses_can_be_changed_by_tests()
    {
        string campaign = (await Api.CreateCampaigns(Api.Campaign("c")))[0];
        var group = await Api.Post($"ad_accounts/{Api.Account}/ad_groups", new JsonArray(new JsonObject
        {
            ["name"] = "g", ["campaign_id"] = campaign, ["billable_event"] = "CLICKTHROUGH", ["budget_in_micro_currency"] = 5_000_000,
        }));
        string groupId = (string)group.Json!["items"]![0]!["data"]!["id"]!;
        var ad = await Api.Post($"ad_accounts/{Api.Account}/ads", new JsonArray(new JsonObject { ["ad_group_id"] = groupId, ["creative_type"] = "REGULAR", ["pin_id"] = "1" }));
        string adId = (string)ad.Json!["items"]![0]!["data"]!["id"]!;

        Server.SetAdReviewStatus(Api.Account, adId, "REJECTED", "LANDING_PAGE", "CLICKBAIT");
        var rejected = (await Api.Get($"ad_accounts/{Api.Account}/ads/{adId}")).Json!;
        Assert.Equal("REJECTED", (string)rejected["review_status"]!);
        Assert.Equal(new[] { "LANDING_PAGE", "CLICKBAIT" }, rejected["rejected_reasons"]!.AsArray().Select(r => (string)r!));
        Assert.Equal("REJECTED", (string)rejected["summary_status"]!);

        Server.SetAdReviewStatus(Api.Account, adId, "APPROVED");
        Assert.Empty((await Api.Get($"ad_accounts/{Api.Account}/ads/{adId}")).Json!["rejected_reasons"]!.AsArray());
        Assert.Throws<ArgumentException>(() => Server.SetAdReviewStatus(Api.Account, adId, "REJECTED", "BAD_VIBES"));

        Server.SetEntityStatus(Api.Account, "campaigns", campaign, "PAUSED");
        Server.SetEntityStatus(Api.Account, "ads", adId, "ARCHIVED");
        Assert.Equal("PAUSED", (string)(await Api.Get($"ad_accounts/{Api.Account}/campaigns/{campaign}")).Json!["status"]!);
        Assert.Equal("ARCHIVED", (string)(await Api.Get($"ad_accounts/{Api.Account}/ads/{adId}")).Json!["summary_status"]!);
        Assert.Throws<ArgumentException>(() => Server.SetEntityStatus(Api.Account, "campaigns", campaign, "SLEEPING"));
        Assert.Throws<ArgumentException>(() => Server.SetEntityStatus(Api.Account, "campaigns", "1", "PAUSED"));
    }

    [Fact]
    public async Task Accounts_in_euro_and_in_a_currency_the_ecb_does_not_publish()
    {
        string euro = Server.AddAdAccount("Euro shop", "EUR", "DE");
        string pesos = Server.AddAdAccount("Tienda", "ARS", "AR");
        Assert.Equal("EUR", (string)(await Api.Get("ad_accounts/" + euro)).Json!["currency"]!);
        Assert.Equal("ARS", (string)(await Api.Get("ad_accounts/" + pesos)).Json!["currency"]!);
        Assert.Equal("USD", (string)(await Api.Get("ad_accounts/" + Server.DefaultAdAccountId)).Json!["currency"]!);
    }
}
