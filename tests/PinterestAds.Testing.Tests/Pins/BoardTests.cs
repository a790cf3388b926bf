using System.Text.Json.Nodes;

namespace PinterestAds.Testing.Tests.Pins;

public sealed class BoardTests : ApiTest
{
    [Fact]
    public async Task Boards_are_created_read_and_listed_by_privacy()
    {
        var created = await Api.Post("boards", new JsonObject { ["name"] = "Summer", ["description"] = "recipes", ["privacy"] = "SECRET" });
        Assert.Equal(201, created.Status);
        string id = (string)created.Json!["id"]!;
        Assert.Equal("SECRET", (string)created.Json!["privacy"]!);
        Assert.Equal("pintest_user", (string)created.Json!["owner"]!["username"]!);
        Assert.Equal(0, (int)created.Json!["pin_count"]!);

        var adsOnly = await Api.Post("boards", new JsonObject { ["name"] = "whatever", ["is_ads_only"] = true });
        Assert.Equal("Ad-only Pins", (string)adsOnly.Json!["name"]!);
        Assert.Equal("PROTECTED", (string)adsOnly.Json!["privacy"]!);

        Assert.Equal("Summer", (string)(await Api.Get("boards/" + id)).Json!["name"]!);
        Assert.Single((await Api.Get("boards?privacy=PROTECTED")).Json!["items"]!.AsArray());
        var page = await Api.Get("boards?page_size=1");
        Assert.Single(page.Json!["items"]!.AsArray());
        var rest = await Api.Get("boards?page_size=1&bookmark=" + (string)page.Json!["bookmark"]!);
        Assert.Equal("Ad-only Pins", (string)rest.Json!["items"]![0]!["name"]!);
        Assert.Equal(2, Server.BoardCount);
    }

    [Fact]
    public async Task Bad_boards_are_refused_and_unknown_ones_are_404_code_40()
    {
        Assert.Equal(400, (await Api.Post("boards", new JsonObject { ["description"] = "no name" })).Status);
        var privacy = await Api.Post("boards", new JsonObject { ["name"] = "x", ["privacy"] = "FRIENDS" });
        Assert.Equal(400, privacy.Status);
        Assert.Contains("privacy", privacy.Text);
        Assert.Equal(0, Server.BoardCount);

        var missing = await Api.Get("boards/123");
        Assert.Equal(404, missing.Status);
        Assert.Equal(40, missing.Code);
        Assert.Equal(404, (await Api.Get("boards/123/pins")).Status);
    }

    [Fact]
    public async Task Boards_need_the_boards_scopes()
    {
        Api.Token = Server.IssueAccessToken("ads:read", "ads:write", "pins:read", "pins:write");
        var denied = await Api.Post("boards", new JsonObject { ["name"] = "x" });
        Assert.Equal(403, denied.Status);
        Assert.Equal(3, denied.Code);
        Assert.Contains("boards:read", denied.Text);
    }
}
