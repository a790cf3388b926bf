using System.Text.Json;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;
using PinterestAds.Core.Idempotency;
using PinterestAds.Core.Tests.Resilience;
using Xunit;

namespace PinterestAds.Core.Tests.Idempotency;

/// <summary>
/// Writes whose outcome is unknown are never blindly re-sent, whether or not the server honours
/// Idempotency-Key (Pinterest ignores it; a proxy might not).
/// </summary>
public sealed class WritePathTests
{
    private readonly AutoAdvancingTime _time = new();
    private readonly FakeApi _api = new();
    private readonly RecordingObserver _observer = new();

    public WritePathTests() => _api.Time = _time;

    private RequestPipeline Pipeline(IIdempotencyJournal? journal = null) =>
        TestPipelines.Build(_api, new CountingLimiter(), TestPipelines.Retrying(_time), journal, _time);

    /// <summary>Finds a campaign the way a resource's reconciler would: list and match by name.</summary>
    private sealed class FindByName(FakeApi api) : IWriteReconciler
    {
        public IReadOnlyList<string> MadeIds(ApiResponse response) => Array.Empty<string>();

        public ApiRequest ArchiveRequest(ApiRequest write, IReadOnlyList<string> ids) => throw new NotSupportedException("These writes never time out.");

        public int Calls;

        public Task<ReconcileResult> ReconcileAsync(UnknownWrite write, IApiReader reader, ICallObserver observer, CancellationToken cancellationToken)
        {
            Calls++;
            using var body = JsonDocument.Parse(write.Request.Body!);
            string name = body.RootElement[0].GetProperty("name").GetString()!;
            var match = api.Campaigns.Where(c => c.Name == name).ToList();
            if (match.Count == 0)
            {
                return Task.FromResult(ReconcileResult.NotFound("no campaign named " + name));
            }

            var json = JsonSerializer.SerializeToUtf8Bytes(new { items = match.Select(m => new { data = new { id = m.Id, name = m.Name }, exceptions = (object?)null }) });
            return Task.FromResult(ReconcileResult.Found(json, "campaign " + match[0].Id));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_drop_after_commit_with_a_reconciler_that_finds_the_entity_makes_no_duplicate(bool serverHonoursKey)
    {
        _api.HonourIdempotencyKey = serverHonoursKey;
        _api.Then(Reply.DropAfterCommit);
        var reconciler = new FindByName(_api);

        var response = await Pipeline().SendAsync(TestPipelines.CreateCampaign("Spring"), WriteOptions.ReconcileWith(reconciler), _observer, default);

        Assert.True(response.IsSuccess);
        Assert.Equal("reconciled", response.Header(ApiResponse.ResultSourceHeader));
        Assert.Contains(_api.Campaigns.Single().Id, response.BodyText);
        Assert.Single(_api.Posts);
        Assert.Single(_api.Campaigns);
        Assert.Equal(1, reconciler.Calls);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_drop_after_commit_without_a_reconciler_is_a_clear_unknown_outcome_error_and_no_second_post(bool serverHonoursKey)
    {
        _api.HonourIdempotencyKey = serverHonoursKey;
        _api.Then(Reply.DropAfterCommit);

        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => Pipeline().SendAsync(TestPipelines.CreateCampaign("Spring", key: "runbook-7-step-2"), _observer, default));

        Assert.Equal(IdempotencyErrors.OutcomeUnknownId, error.ErrorId);
        Assert.Equal(FailureKind.Connection, error.Kind);
        Assert.Contains("may or may not have happened", error.Message);
        Assert.Contains("runbook-7-step-2", error.Message);
        Assert.StartsWith("Pinterest Ads create_campaign: POST /ad_accounts/549755885175/campaigns", error.Message);
        Assert.Single(_api.Posts);
        Assert.Single(_api.Campaigns);
    }

    [Fact]
    public async Task A_write_that_provably_did_not_happen_is_sent_again_with_the_same_key()
    {
        _api.Then(Reply.DropBeforeCommit);
        var reconciler = new FindByName(_api);

        var response = await Pipeline().SendAsync(TestPipelines.CreateCampaign("Autumn"), WriteOptions.ReconcileWith(reconciler), _observer, default);

        Assert.True(response.IsSuccess);
        Assert.Equal(2, _api.Posts.Count);
        Assert.Single(_api.Posts.Select(p => p.IdempotencyKey).Distinct());
        Assert.Single(_api.Campaigns);
        Assert.Contains(_observer.Verboses, m => m.Contains("provably did not happen"));
    }

    [Fact]
    public async Task Resends_after_reconciliation_are_bounded()
    {
        _api.Then(Reply.DropBeforeCommit, Reply.DropBeforeCommit, Reply.DropBeforeCommit, Reply.DropBeforeCommit);
        var reconciler = new FindByName(_api);

        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => Pipeline().SendAsync(TestPipelines.CreateCampaign("Winter"), WriteOptions.ReconcileWith(reconciler), _observer, default));

        Assert.Equal(IdempotencyErrors.OutcomeUnknownId, error.ErrorId);
        Assert.Equal(3, _api.Posts.Count);
        Assert.Empty(_api.Campaigns);
    }

    [Fact]
    public async Task An_inconclusive_reconciliation_is_an_unknown_outcome_error()
    {
        _api.Then(Reply.Code(500));
        var reconciler = new Inconclusive();

        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => Pipeline().SendAsync(TestPipelines.CreateCampaign(), WriteOptions.ReconcileWith(reconciler), _observer, default));

        Assert.Equal(FailureKind.Server, error.Kind);
        Assert.Contains("Pinterest answered 500", error.Message);
        Assert.Contains("listing timed out", error.Message);
        Assert.Single(_api.Posts);
    }

    [Fact]
    public async Task A_5xx_or_timeout_on_a_create_is_never_retried_blindly()
    {
        _api.Then(Reply.Code(503));
        var error503 = await Assert.ThrowsAsync<PinterestAdsException>(() => Pipeline().SendAsync(TestPipelines.CreateCampaign("A"), _observer, default));
        _api.Then(Reply.TimeOut);
        var timeout = await Assert.ThrowsAsync<PinterestAdsException>(() => Pipeline().SendAsync(TestPipelines.CreateCampaign("B"), _observer, default));

        Assert.Equal(FailureKind.Server, error503.Kind);
        Assert.Equal(503, error503.HttpStatus);
        Assert.Equal(FailureKind.OperationTimeout, timeout.Kind);
        Assert.Equal(2, _api.Posts.Count);
    }

    [Fact]
    public async Task A_caller_key_is_sent_as_is_and_a_missing_one_is_generated()
    {
        var pipeline = Pipeline();
        await pipeline.SendAsync(TestPipelines.CreateCampaign("A", key: "my-key-1"), _observer, default);
        await pipeline.SendAsync(TestPipelines.CreateCampaign("B"), _observer, default);

        Assert.Equal("my-key-1", _api.Posts[0].IdempotencyKey);
        Assert.True(Guid.TryParse(_api.Posts[1].IdempotencyKey, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" padded ")]
    [InlineData("tab\tkey")]
    [InlineData("ключ")]
    public async Task A_malformed_caller_key_is_rejected_before_sending(string key)
    {
        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => Pipeline().SendAsync(TestPipelines.CreateCampaign(key: key), _observer, default));

        Assert.Equal(FailureKind.InvalidArgument, error.Kind);
        Assert.Empty(_api.Requests);
    }

    private sealed class Inconclusive : IWriteReconciler
    {
        public IReadOnlyList<string> MadeIds(ApiResponse response) => Array.Empty<string>();

        public ApiRequest ArchiveRequest(ApiRequest write, IReadOnlyList<string> ids) => throw new NotSupportedException("These writes never time out.");

        public Task<ReconcileResult> ReconcileAsync(UnknownWrite write, IApiReader reader, ICallObserver observer, CancellationToken cancellationToken) =>
            Task.FromResult(ReconcileResult.Unknown("listing timed out"));
    }
}
