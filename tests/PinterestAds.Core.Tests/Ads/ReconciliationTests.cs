using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Batching;
using PinterestAds.Core.Ads.Inputs;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;
using PinterestAds.Core.Idempotency;
using PinterestAds.Core.Limiting;
using PinterestAds.Core.Session;
using PinterestAds.Testing;
using Xunit;

namespace PinterestAds.Core.Tests.Ads;

/// <summary>
/// Creates whose outcome is unknown, reconciled against the fake Pinterest API over HTTP, which
/// ignores Idempotency-Key as Pinterest does. Each session has its own journal, as machines
/// without a shared Redis would; counts come from the fake's state.
/// </summary>
public sealed class ReconciliationTests : IDisposable
{
    private readonly PinTestServer _server = PinTestServer.StartNew();
    private readonly List<string> _folders = new();

    public ReconciliationTests() => _server.HonourIdempotencyKey = false;

    private string Account => _server.DefaultAdAccountId;

    private PinterestId AccountId => PinterestId.Parse("AdAccountId", Account);

    public void Dispose()
    {
        _server.Dispose();
        foreach (var folder in _folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A signed-in session with its own journal (a machine of its own).</summary>
    private PinterestAdsContext Session()
    {
        string folder = Path.Combine(Path.GetTempPath(), "pinads-reconcile-" + Guid.NewGuid().ToString("N"));
        _folders.Add(folder);
        var budget = new BudgetOptions { StateDirectory = folder };
        var endpoint = ApiEndpoint.Parse(_server.BaseUri.ToString(), "ApiBaseUri");
        var transport = new ApiTransport(endpoint, _server.ClientId, new HttpClient(), new CountingLimiter());
        var pipeline = new RequestPipeline(transport, new FixedToken(_server.IssueAccessToken()), SessionWiring.CreateAttemptStrategy(budget), SessionWiring.CreateJournal(budget, _server.ClientId));
        return new PinterestAdsContext(_server.ClientId, endpoint, pipeline);
    }

    private async Task<WriteOutcome<Campaign>> CreateAsync(PinterestAdsContext session, string name, string? key, RecordingObserver? observer = null)
    {
        var writer = new AdsBatchWriter<Campaign>(session, AdsResources.Campaigns, WriteKind.Create, wantResults: true);
        var item = new WriteItem(AccountId, CampaignRequests.Create(AccountId, new CampaignInput { Name = name, ObjectiveType = "AWARENESS" }), name, key);
        var outcomes = (await writer.AddAsync(item, observer ?? new RecordingObserver(), default)).ToList();
        outcomes.AddRange(await writer.CompleteAsync(observer ?? new RecordingObserver(), default));
        return outcomes.Single();
    }

    [Fact]
    public async Task Two_campaigns_made_elsewhere_while_the_answer_was_lost_are_not_guessed_between()
    {
        var mine = Session();
        var elsewhere = Session();
        var held = _server.Faults.When("POST", $"/ad_accounts/{Account}/campaigns").Delay(TimeSpan.FromSeconds(1)).RespondWith(503);
        var observer = new RecordingObserver();

        var write = Task.Run(() => CreateAsync(mine, "Look-alike", "runbook-5-step-1", observer));
        while (held.Hits == 0)
        {
            await Task.Delay(20);
        }

        // While my create is held (it will commit nothing), another machine makes two campaigns just like it.
        Assert.Null((await CreateAsync(elsewhere, "Look-alike", null)).Error);
        Assert.Null((await CreateAsync(elsewhere, "Look-alike", null)).Error);
        var outcome = await write;

        Assert.NotNull(outcome.Error);
        Assert.Equal(IdempotencyErrors.OutcomeUnknownId, outcome.Error!.ErrorId);
        Assert.Contains("Idempotency-Key: runbook-5-step-1", outcome.Error.Message);
        Assert.Contains("cannot be told", outcome.Error.Message);
        Assert.Contains(observer.Verboses, m => m.Contains("looking again"));
        Assert.Equal(2, _server.CountEntities(Account, "campaigns", "Look-alike"));
        Assert.Equal(3, _server.RequestsTo("POST", $"/ad_accounts/{Account}/campaigns").Count);
    }

    [Fact]
    public async Task A_campaign_another_key_made_is_never_adopted_even_when_it_is_the_only_candidate()
    {
        var session = Session();
        var first = await CreateAsync(session, "Twin", "twin-1");
        _server.Faults.InjectStatus("POST", $"/ad_accounts/{Account}/campaigns", 503);

        var second = await CreateAsync(session, "Twin", "twin-2");

        Assert.Null(second.Error);
        Assert.NotEqual(first.Result!.Id, second.Result!.Id);
        Assert.Equal(2, _server.CountEntities(Account, "campaigns", "Twin"));
    }

    [Fact]
    public void The_server_clock_is_bounded_by_date_headers_to_within_a_second()
    {
        var clock = new ServerClock();
        var sent = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

        // Pinterest 5 minutes ahead; two answers taken 40 ms each, the second half a second later.
        clock.Observe(sent, sent.AddMilliseconds(40), sent.AddMinutes(5).AddMilliseconds(10).ToString("r"));
        clock.Observe(sent.AddMilliseconds(500), sent.AddMilliseconds(540), sent.AddMinutes(5).AddMilliseconds(510).ToString("r"));
        var there = clock.ToServer(sent.AddSeconds(10));

        Assert.InRange((there.Earliest - sent.AddSeconds(10)).TotalMinutes, 4.98, 5.0);
        Assert.InRange((there.Latest - there.Earliest).TotalSeconds, 0, 1);

        // A clock that steps contradicts the bounds: they start over from the newest answer.
        clock.Observe(sent.AddSeconds(20), sent.AddSeconds(20), sent.AddSeconds(20).ToString("r"));
        Assert.InRange((clock.ToServer(sent.AddSeconds(30)).Earliest - sent.AddSeconds(30)).TotalSeconds, -0.1, 0.1);
    }
}
