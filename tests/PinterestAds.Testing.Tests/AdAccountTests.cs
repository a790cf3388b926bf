namespace PinterestAds.Testing.Tests;

public sealed class AdAccountTests : IDisposable
{
    private readonly PinTestServer _server = PinTestServer.StartNew();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Default_accounts_are_usd_eur_gbp_owned_by_the_user()
    {
        using var api = new Api(_server);
        var reply = await api.Get("ad_accounts");
        var items = reply.Json!["items"]!.AsArray();
        Assert.Equal(new[] { "USD", "EUR", "GBP" }, items.Select(i => (string)i!["currency"]!));
        Assert.All(items, i => Assert.Equal("OWNER", (string)i!["permissions"]![0]!));
        Assert.Null(reply.Json!["bookmark"]);

        var one = await api.Get("ad_accounts/" + (string)items[1]!["id"]!);
        Assert.Equal("EUR", (string)one.Json!["currency"]!);
        var missing = await api.Get("ad_accounts/123");
        Assert.Equal(404, missing.Status);
        Assert.Equal(404, missing.Code);
    }

    [Fact]
    public async Task Paging_walks_300_accounts_with_bookmarks()
    {
        for (int i = 0; i < 300; i++)
        {
            _server.AddAdAccount("Bulk " + i, "EUR", "FR");
        }

        using var api = new Api(_server);
        var seen = new List<string>();
        string? bookmark = null;
        int pages = 0;
        do
        {
            var reply = await api.Get("ad_accounts?page_size=100" + (bookmark == null ? string.Empty : "&bookmark=" + Uri.EscapeDataString(bookmark)));
            Assert.Equal(200, reply.Status);
            seen.AddRange(reply.Json!["items"]!.AsArray().Select(i => (string)i!["id"]!));
            bookmark = (string?)reply.Json!["bookmark"];
            pages++;
        }
        while (bookmark != null);

        Assert.Equal(4, pages);
        Assert.Equal(303, seen.Count);
        Assert.Equal(303, seen.Distinct().Count());
        Assert.Equal(_server.AdAccountIds, seen);

        var defaultPage = await api.Get("ad_accounts");
        Assert.Equal(25, defaultPage.Json!["items"]!.AsArray().Count);
        Assert.NotNull((string?)defaultPage.Json!["bookmark"]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("251")]
    [InlineData("abc")]
    public async Task Out_of_range_page_size_is_a_400_naming_page_size(string size)
    {
        using var api = new Api(_server);
        var reply = await api.Get("ad_accounts?page_size=" + size);
        Assert.Equal(400, reply.Status);
        Assert.Equal(1, reply.Code);
        Assert.Contains("page_size", (string)reply.Json!["message"]!);
    }

    [Fact]
    public async Task Bad_bookmark_is_a_400()
    {
        using var api = new Api(_server);
        Assert.Equal(400, (await api.Get("ad_accounts?bookmark=garbage!")).Status);
    }

    [Fact]
    public async Task A_plus_in_a_path_segment_stays_a_plus()
    {
        using var api = new Api(_server);
        var reply = await api.Get("ad_accounts/549755813999+1");
        Assert.Equal(404, reply.Status);
        Assert.Equal("Ad account not found: 549755813999+1", (string)reply.Json!["message"]!);
    }
}
