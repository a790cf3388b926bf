using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Batching;
using PinterestAds.Core.Ads.Inputs;
using PinterestAds.Core.Http;
using PinterestAds.Core.Idempotency;
using PinterestAds.Core.Limiting;
using PinterestAds.Core.Session;
using PinterestAds.Core.Tests.Limiting;
using PinterestAds.Testing;
using Xunit;

namespace PinterestAds.Core.Tests.Ads;

/// <summary>
/// A keyed create whose first run ended with an unknown outcome, re-run on another machine that
/// shares the journal in Redis: against the fake Pinterest API over HTTP (which ignores
/// Idempotency-Key, as Pinterest does) and a real redis-server.
/// </summary>
[Collection(RedisTimingCollection.Name)]
public sealed class CrossMachineTests : IDisposable
{
    private readonly PinTestServer _server = PinTestServer.StartNew();
    private readonly RedisServer _redis = new();

    public CrossMachineTests() => _server.HonourIdempotencyKey = false;

    private string Account => _server.DefaultAdAccountId;

    public void Dispose()
    {
        _server.Dispose();
        _redis.Dispose();
    }

    /// <summary>A machine whose clock is <paramref name="skew"/> off, sharing the journal in Redis; attempts time out after a second.</summary>
    private PinterestAdsContext Machine(TimeSpan skew)
    {
        var time = new SkewedTime(skew);
        var budget = new BudgetOptions { RedisConfiguration = _redis.Configuration, TimeProvider = time };
        var endpoint = ApiEndpoint.Parse(_server.BaseUri.ToString(), "ApiBaseUri");
        var transport = new ApiTransport(endpoint, _server.ClientId, new HttpClient(), new CountingLimiter(), time, TimeSpan.FromSeconds(1));
        var pipeline = new RequestPipeline(transport, new FixedToken(_server.IssueAccessToken()), SessionWiring.CreateAttemptStrategy(budget), SessionWiring.CreateJournal(budget, _server.ClientId), time);
        return new PinterestAdsContext(_server.ClientId, endpoint, pipeline);
    }

    private async Task<WriteOutcome<Campaign>> CreateAsync(PinterestAdsContext machine, string name, string key)
    {
        var account = PinterestId.Parse("AdAccountId", Account);
        var writer = new AdsBatchWriter<Campaign>(machine, AdsResources.Campaigns, WriteKind.Create, wantResults: true);
        var item = new WriteItem(account, CampaignRequests.Create(account, new CampaignInput { Name = name, ObjectiveType = "AWARENESS" }), name, key);
        var outcomes = (await writer.AddAsync(item, new RecordingObserver(), default)).ToList();
        outcomes.AddRange(await writer.CompleteAsync(new RecordingObserver(), default));
        return outcomes.Single();
    }

    [Fact]
    public async Task A_rerun_on_a_machine_whose_clock_is_behind_finds_what_the_first_run_made()
    {
        // The first run's answer is lost and so is its check: the campaign exists, the journal says "unknown".
        _server.Faults.DropAfterCommit("POST", $"/ad_accounts/{Account}/campaigns");
        _server.Faults.InjectStatus("GET", $"/ad_accounts/{Account}/campaigns", 403);
        var first = await CreateAsync(Machine(TimeSpan.Zero), "Far apart", "far-apart-1");
        Assert.Equal(IdempotencyErrors.OutcomeUnknownId, first.Error?.ErrorId);

        // The re-run's machine runs a minute behind: the first run's start, on Redis's clock, is a minute
        // ahead of it, and taken as it stands the look would begin after the campaign was made.
        var again = await CreateAsync(Machine(TimeSpan.FromMinutes(-1)), "Far apart", "far-apart-1");

        Assert.Null(again.Error);
        Assert.Equal(1, _server.CountEntities(Account, "campaigns", "Far apart"));
        Assert.Single(_server.RequestsTo("POST", $"/ad_accounts/{Account}/campaigns"));
    }

    /// <summary>The real clock, off by a fixed amount (timers run as usual).</summary>
    private sealed class SkewedTime(TimeSpan skew) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + skew;
    }
}
