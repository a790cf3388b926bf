using System.Text.Json;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;
using PinterestAds.Core.Idempotency;
using PinterestAds.Core.Limiting;
using PinterestAds.Core.Session;
using PinterestAds.Core.Tests.Resilience;
using PinterestAds.Testing;
using PinterestAds.Testing.Logging;
using Xunit;

namespace PinterestAds.Core.Tests.Idempotency;

/// <summary>
/// The retry and write paths over real HTTP against the fake Pinterest API (PinTestServer):
/// its faults (429 with headers, connection dropped after the write committed), its request
/// log, and both of its idempotency modes (a proxy honouring the key; Pinterest ignoring it).
/// </summary>
public sealed class AgainstTheFakeServerTests : IDisposable
{
    private readonly PinTestServer _server = PinTestServer.StartNew();
    private readonly AutoAdvancingTime _time = new();
    private readonly RecordingObserver _observer = new();
    private readonly CountingLimiter _limiter = new();
    private readonly RequestPipeline _pipeline;

    public AgainstTheFakeServerTests() => _pipeline = PipelineAgainst(_server);

    private RequestPipeline PipelineAgainst(PinTestServer server, IIdempotencyJournal? journal = null) => new(
        new ApiTransport(ApiEndpoint.Parse(server.BaseUri.ToString(), "ApiBaseUri"), server.ClientId, new HttpClient(), _limiter),
        new FixedToken(server.IssueAccessToken()),
        TestPipelines.Retrying(_time),
        journal,
        _time);

    public void Dispose() => _server.Dispose();

    private string Account => _server.DefaultAdAccountId;

    private ApiRequest Create(string name, string? key = null)
    {
        var request = ApiRequest.Post($"ad_accounts/{Account}/campaigns", "create_campaign")
            .WithJsonBody(new[] { new { ad_account_id = Account, name, objective_type = "AWARENESS", status = "PAUSED" } })
            .ForAdAccount(Account);
        return key is null ? request : request.WithIdempotencyKey(key);
    }

    private IReadOnlyList<RecordedRequest> Posts => _server.RequestsTo("POST", $"/ad_accounts/{Account}/campaigns");

    private async Task<List<string>> CampaignIdsNamed(string name)
    {
        var ids = new List<string>();
        await foreach (var item in _pipeline.ListAsync(ApiRequest.Get($"ad_accounts/{Account}/campaigns", "list_campaigns").ForAdAccount(Account), 250, SilentObserver.Instance, default))
        {
            if (item.GetProperty("name").GetString() == name)
            {
                ids.Add(item.GetProperty("id").GetString()!);
            }
        }

        return ids;
    }

    [Fact]
    public async Task A_429_sequence_with_both_headers_is_waited_out_with_a_permit_per_attempt()
    {
        _server.Faults.InjectRateLimit("GET", $"/ad_accounts/{Account}", retryAfterSeconds: 1, rateLimitResetSeconds: 3, times: 2);

        var response = await _pipeline.SendAsync(ApiRequest.Get($"ad_accounts/{Account}", "get_ad_account").ForAdAccount(Account), _observer, default);

        Assert.True(response.IsSuccess);
        Assert.Equal(3, _server.RequestsTo("GET", $"/ad_accounts/{Account}").Count);
        Assert.Equal(3, _limiter.Permits);
        Assert.Equal(2, _time.Waits.Count);
        Assert.All(_time.Waits, w => Assert.InRange(w.TotalSeconds, 3.0, 3.3));
        Assert.Equal(2, _observer.Verboses.Count(m => m.Contains("X-RateLimit-Reset: 3")));
    }

    [Fact]
    public async Task A_429_asking_for_hours_is_an_immediate_quota_error()
    {
        _server.Faults.InjectRateLimit("GET", $"/ad_accounts/{Account}", retryAfterSeconds: null, rateLimitResetSeconds: 67000);

        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => _pipeline.SendAsync(ApiRequest.Get($"ad_accounts/{Account}", "get_ad_account").ForAdAccount(Account), _observer, default));

        Assert.Equal(FailureKind.LimitsExceeded, error.Kind);
        Assert.StartsWith("Pinterest Ads get_ad_account: 429 — ", error.Message);
        Assert.InRange((error.RetryAt!.Value - _time.GetUtcNow()).TotalHours, 18.6, 18.7);
        Assert.Single(_server.RequestsTo("GET", $"/ad_accounts/{Account}"));
        Assert.Empty(_time.Waits);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_retried_write_carries_one_key_on_every_attempt(bool serverHonoursKey)
    {
        _server.HonourIdempotencyKey = serverHonoursKey;
        _server.Faults.InjectRateLimit("POST", $"/ad_accounts/{Account}/campaigns", retryAfterSeconds: 1, times: 2);

        await _pipeline.SendAsync(Create("Keyed"), _observer, default);

        Assert.Equal(3, Posts.Count);
        string key = Posts[0].Header("Idempotency-Key")!;
        Assert.True(Guid.TryParse(key, out _));
        Assert.All(Posts, p => Assert.Equal(key, p.Header("Idempotency-Key")));
        Assert.Single(await CampaignIdsNamed("Keyed"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_drop_after_commit_with_a_reconciler_that_finds_the_campaign_makes_no_duplicate(bool serverHonoursKey)
    {
        _server.HonourIdempotencyKey = serverHonoursKey;
        _server.Faults.DropAfterCommit("POST", $"/ad_accounts/{Account}/campaigns");
        var reconciler = new ListAndMatchByName();

        var response = await _pipeline.SendAsync(Create("Dropped but made"), WriteOptions.ReconcileWith(reconciler), _observer, default);

        var ids = await CampaignIdsNamed("Dropped but made");
        Assert.Single(ids);
        Assert.Single(Posts);
        Assert.Equal("reconciled", response.Header(ApiResponse.ResultSourceHeader));
        Assert.Equal(ids[0], response.Json().GetProperty("items")[0].GetProperty("data").GetProperty("id").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_drop_after_commit_without_a_reconciler_is_an_unknown_outcome_error_and_no_second_post(bool serverHonoursKey)
    {
        _server.HonourIdempotencyKey = serverHonoursKey;
        _server.Faults.DropAfterCommit("POST", $"/ad_accounts/{Account}/campaigns");

        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => _pipeline.SendAsync(Create("Dropped", key: "runbook-9-step-1"), _observer, default));

        Assert.Equal(IdempotencyErrors.OutcomeUnknownId, error.ErrorId);
        Assert.Equal(FailureKind.Connection, error.Kind);
        Assert.Contains("may or may not have happened", error.Message);
        Assert.Contains("Idempotency-Key: runbook-9-step-1", error.Message);
        Assert.Single(Posts);
        Assert.Single(await CampaignIdsNamed("Dropped"));
    }

    [Fact]
    public async Task A_write_dropped_before_processing_is_reconciled_then_sent_again_with_the_same_key()
    {
        _server.HonourIdempotencyKey = false;
        _server.Faults.DropBeforeProcessing("POST", $"/ad_accounts/{Account}/campaigns");

        await _pipeline.SendAsync(Create("Second time lucky"), WriteOptions.ReconcileWith(new ListAndMatchByName()), _observer, default);

        Assert.Equal(2, Posts.Count);
        Assert.Equal(Posts[0].Header("Idempotency-Key"), Posts[1].Header("Idempotency-Key"));
        Assert.Single(await CampaignIdsNamed("Second time lucky"));
    }

    [Fact]
    public async Task A_key_reused_against_a_new_server_on_another_port_is_sent_there_not_replayed_from_the_first()
    {
        using var next = PinTestServer.StartNew();
        Assert.Equal(Account, next.DefaultAdAccountId); // so both runs send the very same request
        string folder = Path.Combine(Path.GetTempPath(), "pinads-journal-" + Guid.NewGuid().ToString("N"));
        var journal = SessionWiring.CreateJournal(new BudgetOptions { StateDirectory = folder, TimeProvider = _time }, _server.ClientId);
        try
        {
            await PipelineAgainst(_server, journal).SendAsync(Create("Nightly", key: "nightly-1"), _observer, default);
            var there = await PipelineAgainst(next, journal).SendAsync(Create("Nightly", key: "nightly-1"), _observer, default);
            var rerun = await PipelineAgainst(next, journal).SendAsync(Create("Nightly", key: "nightly-1"), _observer, default);

            Assert.Single(Posts);
            Assert.Single(next.RequestsTo("POST", $"/ad_accounts/{Account}/campaigns"));
            Assert.Null(there.Header(ApiResponse.ResultSourceHeader));
            Assert.Equal("replayed", rerun.Header(ApiResponse.ResultSourceHeader));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>What a resource reconciler does: list the account's campaigns and match by name.</summary>
    private sealed class ListAndMatchByName : IWriteReconciler
    {
        public IReadOnlyList<string> MadeIds(ApiResponse response) => Array.Empty<string>();

        public ApiRequest ArchiveRequest(ApiRequest write, IReadOnlyList<string> ids) => throw new NotSupportedException("These writes never time out.");

        public async Task<ReconcileResult> ReconcileAsync(UnknownWrite write, IApiReader reader, ICallObserver observer, CancellationToken cancellationToken)
        {
            using var body = JsonDocument.Parse(write.Request.Body!);
            var wanted = body.RootElement[0];
            string name = wanted.GetProperty("name").GetString()!;
            string account = wanted.GetProperty("ad_account_id").GetString()!;
            var list = ApiRequest.Get($"ad_accounts/{account}/campaigns", "list_campaigns").ForAdAccount(account);
            await foreach (var item in reader.ListAsync(list, 250, observer, cancellationToken))
            {
                if (item.GetProperty("name").GetString() == name)
                {
                    return ReconcileResult.Found(JsonSerializer.SerializeToUtf8Bytes(new { items = new[] { new { data = item, exceptions = (object?)null } } }), "campaign " + item.GetProperty("id").GetString());
                }
            }

            return ReconcileResult.NotFound("no campaign named '" + name + "'");
        }
    }
}
