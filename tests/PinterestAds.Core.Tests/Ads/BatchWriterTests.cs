using System.Text.Json.Nodes;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Batching;
using PinterestAds.Core.Ads.Inputs;
using PinterestAds.Core.Ads.Reading;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Limiting;
using PinterestAds.Core.Session;
using Xunit;

namespace PinterestAds.Core.Tests.Ads;

public sealed class BatchWriterTests
{
    private static PinterestId Id(string digits) => PinterestId.Parse("Id", digits);

    private static WriteItem Campaign(string account, int n, string? key = null) =>
        new(Id(account), CampaignRequests.Create(Id(account), new CampaignInput { Name = "c" + n, ObjectiveType = "AWARENESS", DailySpendCap = n }), "row" + n, key);

    private static async Task<List<WriteOutcome<T>>> WriteAll<T>(AdsBatchWriter<T> writer, IEnumerable<WriteItem> items)
        where T : AdsEntity
    {
        var outcomes = new List<WriteOutcome<T>>();
        foreach (var item in items)
        {
            outcomes.AddRange(await writer.AddAsync(item, SilentObserver.Instance, default));
        }

        outcomes.AddRange(await writer.CompleteAsync(SilentObserver.Instance, default));
        return outcomes;
    }

    [Fact]
    public async Task Sixty_five_items_take_three_requests_and_come_back_in_order()
    {
        var api = new FakeAdsApi();
        var writer = new AdsBatchWriter<Campaign>(api.Context(), AdsResources.Campaigns, WriteKind.Create, wantResults: true);

        var outcomes = await WriteAll(writer, Enumerable.Range(1, 65).Select(n => Campaign("1", n)));

        Assert.Equal(new[] { 30, 30, 5 }, api.Writes.Select(c => JsonNode.Parse(c.Body!)!.AsArray().Count));
        Assert.Equal(Enumerable.Range(1, 65).Select(n => "c" + n), outcomes.Select(o => o.Result!.Name));
        Assert.All(outcomes, o => Assert.Equal("EUR", o.Result!.Currency));
        Assert.Equal(25m, outcomes[24].Result!.DailySpendCap);
        Assert.Equal(25_000_000L, outcomes[24].Result!.DailySpendCapMicros);
    }

    [Fact]
    public async Task Items_are_batched_per_ad_account_and_released_in_input_order()
    {
        var api = new FakeAdsApi();
        var writer = new AdsBatchWriter<Campaign>(api.Context(), AdsResources.Campaigns, WriteKind.Create, wantResults: true, batchSize: 2);

        var outcomes = await WriteAll(writer, new[] { Campaign("1", 1), Campaign("2", 2), Campaign("1", 3), Campaign("2", 4), Campaign("2", 5) });

        Assert.Equal(new[] { "ad_accounts/1/campaigns", "ad_accounts/2/campaigns", "ad_accounts/2/campaigns" }, api.Writes.Select(c => c.Path));
        Assert.Equal(new[] { "c1", "c2", "c3", "c4", "c5" }, outcomes.Select(o => o.Result!.Name));
    }

    [Fact]
    public async Task A_rejected_item_fails_alone_with_its_input_as_target()
    {
        var api = new FakeAdsApi { Reject = item => (string?)item["name"] == "c2" ? "Budget is too low" : null };
        var writer = new AdsBatchWriter<Campaign>(api.Context(), AdsResources.Campaigns, WriteKind.Create, wantResults: true);

        var outcomes = await WriteAll(writer, Enumerable.Range(1, 3).Select(n => Campaign("1", n)));

        Assert.Single(api.Writes);
        Assert.NotNull(outcomes[0].Result);
        Assert.Null(outcomes[1].Result);
        Assert.Equal("row2", outcomes[1].Target);
        Assert.Contains("item 2 was rejected: Budget is too low (code 400)", outcomes[1].Error!.Message);
        Assert.NotNull(outcomes[2].Result);
    }

    [Fact]
    public async Task Ads_report_exceptions_as_one_object()
    {
        var api = new FakeAdsApi { Reject = item => (string?)item["pin_id"] == "9" ? "Pin not found" : null };
        var writer = new AdsBatchWriter<Ad>(api.Context(), AdsResources.Ads, WriteKind.Create, wantResults: true);
        var items = new[] { "8", "9" }.Select(pin => new WriteItem(Id("1"), AdRequests.Create(Id("1"), Id("5"), Id(pin), new AdInput { CreativeType = "REGULAR" }), pin));

        var outcomes = await WriteAll(writer, items);

        Assert.Equal("8", outcomes[0].Result!.PinId);
        Assert.Contains("Pin not found", outcomes[1].Error!.Message);
    }

    [Fact]
    public async Task A_create_whose_response_is_lost_is_adopted_not_repeated()
    {
        var api = new FakeAdsApi { DropAfterCommit = 1 };
        var writer = new AdsBatchWriter<Campaign>(api.Context(), AdsResources.Campaigns, WriteKind.Create, wantResults: true);

        var outcomes = await WriteAll(writer, Enumerable.Range(1, 3).Select(n => Campaign("1", n)));

        Assert.True(outcomes.All(o => o.Error is null), string.Join("\n", outcomes.Select(o => o.Error?.ToString())));
        Assert.Single(api.Writes);
        Assert.Equal(3, api.Store["campaigns"].Count);
        Assert.Equal(new[] { "c1", "c2", "c3" }, outcomes.Select(o => o.Result!.Name));
        Assert.Equal(api.Store["campaigns"].Select(c => (string)c["id"]!), outcomes.Select(o => o.Result!.Id));
        var list = api.Calls.Single(c => c.Method == "GET" && c.Path.EndsWith("/campaigns"));
        Assert.Contains("order=DESCENDING", list.Query);
    }

    [Fact]
    public async Task A_lost_create_that_made_nothing_is_sent_again_with_the_same_key()
    {
        var api = new FakeAdsApi();
        api.Reject = _ => api.DropAfterCommit > 0 ? "never stored" : null;
        api.DropAfterCommit = 1;
        var writer = new AdsBatchWriter<Campaign>(api.Context(), AdsResources.Campaigns, WriteKind.Create, wantResults: true);

        var outcomes = await WriteAll(writer, new[] { Campaign("1", 1, key: "run-7") });

        Assert.Equal(new[] { "run-7", "run-7" }, api.Writes.Select(w => w.IdempotencyKey));
        Assert.Single(api.Store["campaigns"]);
        Assert.Equal("c1", outcomes.Single().Result!.Name);
    }

    [Fact]
    public async Task Identical_earlier_campaigns_are_not_adopted()
    {
        var api = new FakeAdsApi();
        var context = api.Context();
        var first = await WriteAll(new AdsBatchWriter<Campaign>(context, AdsResources.Campaigns, WriteKind.Create, true), new[] { Campaign("1", 1) });
        api.Store["campaigns"][0]["created_time"] = DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds();
        api.DropAfterCommit = 1;

        var second = await WriteAll(new AdsBatchWriter<Campaign>(context, AdsResources.Campaigns, WriteKind.Create, true), new[] { Campaign("1", 1) });

        Assert.Equal(2, api.Store["campaigns"].Count);
        Assert.NotEqual(first.Single().Result!.Id, second.Single().Result!.Id);
    }

    [Fact]
    public async Task A_lost_update_is_sent_again()
    {
        var api = new FakeAdsApi();
        var context = api.Context();
        var created = await WriteAll(new AdsBatchWriter<Campaign>(context, AdsResources.Campaigns, WriteKind.Create, true), new[] { Campaign("1", 1) });
        api.DropAfterCommit = 1;
        var writer = new AdsBatchWriter<Campaign>(context, AdsResources.Campaigns, WriteKind.Update, wantResults: true);

        var outcomes = await WriteAll(writer, new[] { new WriteItem(Id("1"), AdsResources.Campaigns.StatusBody(Id("1"), Id(created[0].Result!.Id), "PAUSED"), created[0].Result) });

        Assert.Equal(2, api.Calls.Count(c => c.Method == "PATCH"));
        Assert.Equal("PAUSED", outcomes.Single().Result!.Status);
    }

    [Fact]
    public void Batch_keys_are_stable_for_caller_keys()
    {
        var shared = Enumerable.Range(1, 2).Select(n => Campaign("1", n, "K")).ToArray();
        var distinct = Enumerable.Range(1, 2).Select(n => Campaign("1", n, "K" + n)).ToArray();
        var keyless = new[] { Campaign("1", 1) };

        var keys = typeof(AdsBatchWriter<>).Assembly.GetType("PinterestAds.Core.Ads.Batching.BatchKeys")!.GetMethod("For")!;
        Assert.Equal("K", keys.Invoke(null, new object[] { shared, 1 }));
        Assert.Equal("K-2", keys.Invoke(null, new object[] { shared, 2 }));
        Assert.Equal(keys.Invoke(null, new object[] { distinct, 1 }), keys.Invoke(null, new object[] { distinct, 1 }));
        Assert.Null(keys.Invoke(null, new object[] { keyless, 1 }));
    }

    [Fact]
    public async Task Only_batches_a_rerun_can_send_again_are_journaled()
    {
        string folder = Path.Combine(Path.GetTempPath(), "pinads-batch-journal-" + Guid.NewGuid().ToString("N"));
        try
        {
            var journal = SessionWiring.CreateJournal(new BudgetOptions { StateDirectory = folder }, "client");
            var api = new FakeAdsApi();
            var context = api.Context(journal);
            int Entries() => Directory.Exists(folder) ? Directory.GetFiles(folder, "*.json", SearchOption.AllDirectories).Length : 0;

            await WriteAll(new AdsBatchWriter<Campaign>(context, AdsResources.Campaigns, WriteKind.Create, true), Enumerable.Range(1, 65).Select(n => Campaign("1", n)));
            Assert.Equal(0, Entries());
            Assert.Equal(3, api.Writes.Select(w => w.IdempotencyKey).Distinct().Count());

            var keyed = Enumerable.Range(1, 2).Select(n => Campaign("1", n, "run-" + n)).ToArray();
            await WriteAll(new AdsBatchWriter<Campaign>(context, AdsResources.Campaigns, WriteKind.Create, true), keyed);
            var rerun = await WriteAll(new AdsBatchWriter<Campaign>(context, AdsResources.Campaigns, WriteKind.Create, true), keyed);

            Assert.Equal(1, Entries());
            Assert.Equal(4, api.Writes.Count());
            Assert.Equal(67, api.Store["campaigns"].Count);
            Assert.Equal(new[] { "c1", "c2" }, rerun.Select(o => o.Result!.Name));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Lists_send_repeated_statuses_and_read_currency_once()
    {
        var api = new FakeAdsApi();
        var context = api.Context();
        await WriteAll(new AdsBatchWriter<Campaign>(context, AdsResources.Campaigns, WriteKind.Create, false), Enumerable.Range(1, 3).Select(n => Campaign("1", n)));
        var query = new AdsListQuery(Id("1")) { Status = new[] { "active", "ARCHIVED" }, AllPages = true };

        var listed = new List<Campaign>();
        await foreach (var campaign in AdsReader.ListAsync(context, AdsResources.Campaigns, query, SilentObserver.Instance, default))
        {
            listed.Add(campaign);
        }

        Assert.Equal(3, listed.Count);
        var list = api.Calls.Last(c => c.Path == "ad_accounts/1/campaigns" && c.Method == "GET");
        Assert.Contains("entity_statuses=ACTIVE&entity_statuses=ARCHIVED", list.Query);
        Assert.Single(api.Calls, c => c.Path == "ad_accounts/1");
    }
}
