using System.Text.Json.Nodes;

namespace PinterestAds.Testing.Tests;

public sealed class CampaignTests : ApiTest
{
    private string Path => $"ad_accounts/{Api.Account}/campaigns";

    [Fact]
    public async Task Batch_create_reports_per_item_exceptions_in_input_order()
    {
        var bothCaps = Api.Campaign("both caps");
        bothCaps["daily_spend_cap"] = 1_000_000;
        bothCaps["lifetime_spend_cap"] = 5_000_000;
        var cboNoCap = Api.Campaign("cbo");
        cboNoCap["is_campaign_budget_optimization"] = true;
        var badObjective = Api.Campaign("bad", "WEB_SESSIONS");
        var noName = new JsonObject { ["ad_account_id"] = Api.Account, ["objective_type"] = "AWARENESS" };
        var negative = Api.Campaign("neg");
        negative["daily_spend_cap"] = -1;

        var reply = await Api.Post(Path, new JsonArray(Api.Campaign("ok 1"), bothCaps, cboNoCap, badObjective, noName, negative, Api.Campaign("ok 2")));
        Assert.Equal(200, reply.Status);
        var items = reply.Json!["items"]!.AsArray();
        Assert.Equal(7, items.Count);

        Assert.Equal("ok 1", (string)items[0]!["data"]!["name"]!);
        Assert.Empty(items[0]!["exceptions"]!.AsArray());
        foreach (int failed in new[] { 1, 2, 3, 4 })
        {
            Assert.Null(items[failed]!["data"]);
            var exceptions = items[failed]!["exceptions"]!.AsArray();
            Assert.Equal(1, (int)exceptions[0]!["code"]!);
            Assert.False(string.IsNullOrEmpty((string?)exceptions[0]!["message"]));
        }

        Assert.Contains("daily_spend_cap", (string)items[1]!["exceptions"]![0]!["message"]!);
        Assert.Equal(6, (int)items[5]!["exceptions"]![0]!["code"]!);
        Assert.Equal("ok 2", (string)items[6]!["data"]!["name"]!);
        Assert.True(long.Parse((string)items[6]!["data"]!["id"]!) > long.Parse((string)items[0]!["data"]!["id"]!));
        Assert.Equal(2, Server.CountEntities(Api.Account, "campaigns"));
    }

    [Fact]
    public async Task Created_campaign_has_the_spec_response_shape()
    {
        var request = Api.Campaign("shape");
        request["daily_spend_cap"] = 25_500_000;
        request["tracking_urls"] = new JsonObject { ["click"] = new JsonArray("https://t.example/c") };
        request["is_flexible_daily_budgets"] = true;
        var data = (await Api.Post(Path, new JsonArray(request))).Json!["items"]![0]!["data"]!.AsObject();

        foreach (string field in new[] { "id", "ad_account_id", "name", "status", "objective_type", "daily_spend_cap", "lifetime_spend_cap", "start_time", "end_time",
            "tracking_urls", "is_campaign_budget_optimization", "is_flexible_daily_budgets", "summary_status", "created_time", "updated_time", "type", "order_line_id",
            "default_ad_group_budget_in_micro_currency", "is_automated_campaign", "is_performance_plus", "bid_options" })
        {
            Assert.True(data.ContainsKey(field), field);
        }

        Assert.Equal("campaign", (string)data["type"]!);
        Assert.Equal("ACTIVE", (string)data["status"]!);
        Assert.Equal("RUNNING", (string)data["summary_status"]!);
        Assert.Equal(25_500_000, (long)data["daily_spend_cap"]!);
        Assert.Equal("https://t.example/c", (string)data["tracking_urls"]!["click"]![0]!);
        Assert.True((bool)data["is_flexible_daily_budgets"]!);

        var fetched = await Api.Get(Path + "/" + (string)data["id"]!);
        Assert.Equal(data.ToJsonString(), fetched.Json!.ToJsonString());
        Assert.Equal(404, (await Api.Get(Path + "/1")).Status);
    }

    [Fact]
    public async Task Patch_updates_pause_and_archive_and_archived_is_hidden_by_default()
    {
        string[] ids = await Api.CreateCampaigns(Api.Campaign("a"), Api.Campaign("b"), Api.Campaign("c"));
        var patch = new JsonArray(
            new JsonObject { ["id"] = ids[0], ["ad_account_id"] = Api.Account, ["status"] = "PAUSED", ["name"] = "a renamed" },
            new JsonObject { ["id"] = ids[1], ["ad_account_id"] = Api.Account, ["status"] = "ARCHIVED" },
            new JsonObject { ["id"] = "999", ["ad_account_id"] = Api.Account, ["status"] = "PAUSED" });
        var reply = await Api.Patch(Path, patch);
        var items = reply.Json!["items"]!.AsArray();
        Assert.Equal("PAUSED", (string)items[0]!["data"]!["summary_status"]!);
        Assert.Equal("a renamed", (string)items[0]!["data"]!["name"]!);
        Assert.Equal("ARCHIVED", (string)items[1]!["data"]!["status"]!);
        Assert.Equal(404, (int)items[2]!["exceptions"]![0]!["code"]!);

        var listed = (await Api.Get(Path)).Json!["items"]!.AsArray().Select(i => (string)i!["id"]!).ToArray();
        Assert.Equal(new[] { ids[0], ids[2] }, listed);
        var archived = (await Api.Get(Path + "?entity_statuses=ARCHIVED")).Json!["items"]!.AsArray();
        Assert.Equal(ids[1], (string)archived.Single()!["id"]!);

        var unarchive = await Api.Patch(Path, new JsonArray(new JsonObject { ["id"] = ids[1], ["ad_account_id"] = Api.Account, ["status"] = "ACTIVE" }));
        Assert.Null(unarchive.Json!["items"]![0]!["data"]);
        Assert.Contains("un-archived", (string)unarchive.Json!["items"]![0]!["exceptions"]![0]!["message"]!);
    }

    [Fact]
    public async Task Ids_in_other_scripts_digits_are_refused_as_pinterest_would()
    {
        // U+0663 (Arabic-Indic three) and U+FF13 (full-width three): .NET's \d and char.IsDigit accept both.
        var foreignAccount = Api.Campaign("foreign account");
        foreignAccount["ad_account_id"] = Api.Account + "\u0663";
        var created = await Api.Post(Path, new JsonArray(foreignAccount));
        Assert.Contains("must match the pattern", (string)created.Json!["items"]![0]!["exceptions"]![0]!["message"]!);

        var patch = new JsonArray(new JsonObject { ["id"] = "12\uFF13", ["ad_account_id"] = Api.Account, ["status"] = "PAUSED" });
        var updated = await Api.Patch(Path, patch);
        Assert.Contains("digit string", (string)updated.Json!["items"]![0]!["exceptions"]![0]!["message"]!);
    }

    [Fact]
    public async Task List_filters_and_orders_by_id()
    {
        string[] ids = await Api.CreateCampaigns(Api.Campaign("1"), Api.Campaign("2"), Api.Campaign("3"), Api.Campaign("4"));
        var descending = (await Api.Get(Path + "?order=DESCENDING&page_size=3")).Json!;
        Assert.Equal(ids.Reverse().Take(3), descending["items"]!.AsArray().Select(i => (string)i!["id"]!));
        var next = (await Api.Get(Path + "?order=DESCENDING&page_size=3&bookmark=" + (string)descending["bookmark"]!)).Json!;
        Assert.Equal(new[] { ids[0] }, next["items"]!.AsArray().Select(i => (string)i!["id"]!));

        var joined = (await Api.Get(Path + $"?campaign_ids={ids[1]},{ids[3]}")).Json!["items"]!.AsArray();
        var repeated = (await Api.Get(Path + $"?campaign_ids={ids[1]}&campaign_ids={ids[3]}")).Json!["items"]!.AsArray();
        Assert.Equal(new[] { ids[1], ids[3] }, joined.Select(i => (string)i!["id"]!));
        Assert.Equal(new[] { ids[1], ids[3] }, repeated.Select(i => (string)i!["id"]!));
    }

    [Fact]
    public async Task Whole_request_errors_and_missing_verbs()
    {
        Assert.Equal(400, (await Api.Post(Path, new JsonArray())).Status);
        var tooMany = new JsonArray(Enumerable.Range(0, 31).Select(i => (JsonNode)Api.Campaign("c" + i)).ToArray());
        Assert.Equal(400, (await Api.Post(Path, tooMany)).Status);
        var malformed = await Api.Send(HttpMethod.Post, Path, "[{\"name\": ");
        Assert.Equal(400, malformed.Status);
        Assert.Equal(1, malformed.Code);
        Assert.Equal(404, (await Api.Post("ad_accounts/42/campaigns", new JsonArray(Api.Campaign("x")))).Status);

        string id = (await Api.CreateCampaigns(Api.Campaign("x")))[0];
        var delete = await Api.Send(HttpMethod.Delete, Path + "/" + id);
        Assert.Equal(405, delete.Status);
        Assert.Equal(405, (await Api.Send(HttpMethod.Delete, Path)).Status);
        Assert.Equal(405, (await Api.Send(HttpMethod.Patch, Path + "/" + id, "{}")).Status);
    }
}
