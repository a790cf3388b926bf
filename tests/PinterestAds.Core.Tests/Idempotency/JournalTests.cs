using System.Text.Json;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Coordination;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;
using PinterestAds.Core.Idempotency;
using PinterestAds.Core.Limiting;
using PinterestAds.Core.Session;
using PinterestAds.Core.Tests.Limiting;
using PinterestAds.Core.Tests.Resilience;
using Xunit;

namespace PinterestAds.Core.Tests.Idempotency;

/// <summary>The same behaviour from the file journal and the Redis journal.</summary>
public abstract partial class JournalTests : IDisposable
{
    protected readonly AutoAdvancingTime Time = new();
    protected readonly FakeApi Api = new();
    protected readonly string ClientId = "client-" + Guid.NewGuid().ToString("N")[..8];

    public abstract void Dispose();

    /// <summary>Short enough to lapse within a test, on real time (a holder renews its lease on real time).</summary>
    private static readonly TimeSpan ShortLease = TimeSpan.FromSeconds(1.5);

    /// <summary>A fresh journal instance over the same store, as a separate process or machine would have.</summary>
    protected abstract IIdempotencyJournal Journal();

    /// <summary>As <see cref="Journal()"/>, with leases of <paramref name="lease"/> on the real clock.</summary>
    protected abstract IIdempotencyJournal Journal(TimeSpan lease);

    private static string JournalKeyOf(string key) => IdempotencyKeys.JournalKey(TestPipelines.Endpoint.BaseUri, TestPipelines.ClientId, key);

    /// <summary>On real time, with attempts (and so the settling of an earlier run's send) of a second.</summary>
    private RequestPipeline RealTimePipeline(IIdempotencyJournal journal) =>
        TestPipelines.Build(Api, new CountingLimiter(), TestPipelines.Retrying(TimeProvider.System), journal, TimeProvider.System, attemptTimeout: TimeSpan.FromSeconds(1));

    private RequestPipeline Pipeline() => TestPipelines.Build(Api, new CountingLimiter(), TestPipelines.Retrying(Time), Journal(), Time);

    [Fact]
    public async Task A_rerun_with_the_same_key_gets_the_first_result_without_sending()
    {
        var first = await Pipeline().SendAsync(TestPipelines.CreateCampaign("Spring", key: "run-42"), SilentObserver.Instance, default);
        var observer = new RecordingObserver();

        var again = await Pipeline().SendAsync(TestPipelines.CreateCampaign("Spring", key: "run-42"), observer, default);

        Assert.Single(Api.Posts);
        Assert.Equal(first.BodyText, again.BodyText);
        Assert.Equal(200, again.StatusCode);
        Assert.Equal("replayed", again.Header(ApiResponse.ResultSourceHeader));
        Assert.Contains(observer.Verboses, m => m.Contains("run-42") && m.Contains("without sending"));
    }

    [Fact]
    public async Task The_same_key_with_a_different_request_is_an_error_and_nothing_is_sent()
    {
        await Pipeline().SendAsync(TestPipelines.CreateCampaign("Spring", key: "run-43"), SilentObserver.Instance, default);

        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => Pipeline().SendAsync(TestPipelines.CreateCampaign("Summer", key: "run-43"), SilentObserver.Instance, default));

        Assert.Equal(IdempotencyErrors.KeyReusedId, error.ErrorId);
        Assert.Equal(FailureKind.InvalidArgument, error.Kind);
        Assert.Contains("run-43", error.Message);
        Assert.Single(Api.Posts);
    }

    [Fact]
    public async Task A_rejected_write_frees_its_key_for_the_corrected_request()
    {
        Api.Then(Reply.Code(400, "{\"code\":1,\"message\":\"Invalid name\"}"));
        await Assert.ThrowsAsync<PinterestAdsException>(() => Pipeline().SendAsync(TestPipelines.CreateCampaign("", key: "run-44"), SilentObserver.Instance, default));

        var fixedUp = await Pipeline().SendAsync(TestPipelines.CreateCampaign("Fixed", key: "run-44"), SilentObserver.Instance, default);

        Assert.True(fixedUp.IsSuccess);
        Assert.Equal(2, Api.Posts.Count);
    }

    [Fact]
    public async Task After_an_unknown_outcome_a_rerun_reconciles_instead_of_sending()
    {
        Api.Then(Reply.DropAfterCommit);
        await Assert.ThrowsAsync<PinterestAdsException>(() => Pipeline().SendAsync(TestPipelines.CreateCampaign("Spring", key: "run-45"), SilentObserver.Instance, default));

        // Without a reconciler the re-run cannot know either: error again, still one POST.
        var again = await Assert.ThrowsAsync<PinterestAdsException>(() => Pipeline().SendAsync(TestPipelines.CreateCampaign("Spring", key: "run-45"), SilentObserver.Instance, default));
        Assert.Equal(IdempotencyErrors.OutcomeUnknownId, again.ErrorId);
        Assert.Single(Api.Posts);

        // With one, the re-run finds the campaign and records it; a third run replays.
        var found = await Pipeline().SendAsync(TestPipelines.CreateCampaign("Spring", key: "run-45"), WriteOptions.ReconcileWith(new FoundIt(Api)), SilentObserver.Instance, default);
        var replay = await Pipeline().SendAsync(TestPipelines.CreateCampaign("Spring", key: "run-45"), SilentObserver.Instance, default);

        Assert.Equal("reconciled", found.Header(ApiResponse.ResultSourceHeader));
        Assert.Equal("replayed", replay.Header(ApiResponse.ResultSourceHeader));
        Assert.Equal(found.BodyText, replay.BodyText);
        Assert.Single(Api.Posts);
        Assert.Single(Api.Campaigns);
    }

    [Fact]
    public async Task A_key_whose_holder_renews_its_lease_is_refused_to_another_run_and_stays_the_holders()
    {
        var journal = Journal(ShortLease);
        var request = TestPipelines.CreateCampaign("Spring", key: "run-46");
        var holder = await journal.BeginAsync(JournalKeyOf("run-46"), RequestFingerprint.Of(request), default);
        await using var renewing = LeaseKeeper.Start(ct => journal.RenewAsync(holder, ct), journal.Lease);
        var observer = new RecordingObserver();

        var error = await Assert.ThrowsAsync<PinterestAdsException>(() => RealTimePipeline(journal).SendAsync(request, observer, default));

        Assert.Equal(IdempotencyErrors.InProgressId, error.ErrorId);
        Assert.Equal(FailureKind.Conflict, error.Kind);
        Assert.Contains(observer.Verboses, m => m.Contains("renewed its lease"));
        Assert.True(await journal.RenewAsync(holder, default));
        Assert.Empty(Api.Posts);
    }

    [Fact]
    public async Task A_key_whose_holder_stopped_renewing_is_taken_over_once_its_lease_lapses()
    {
        var journal = Journal(ShortLease);
        var request = TestPipelines.CreateCampaign("Spring", key: "run-50");

        // The holder claimed the key, then died where its process cannot be looked at (another machine): it renews nothing.
        var holder = await journal.BeginAsync(JournalKeyOf("run-50"), RequestFingerprint.Of(request), default);
        var observer = new RecordingObserver();
        var response = await RealTimePipeline(journal).SendAsync(request, WriteOptions.ReconcileWith(new NothingMade()), observer, default);

        Assert.True(response.IsSuccess);
        Assert.Single(Api.Posts);
        Assert.Contains(observer.Verboses, m => m.Contains("watching it for up to"));
        Assert.Contains(observer.Verboses, m => m.Contains("checking before sending"));
        Assert.False(await journal.RenewAsync(holder, default));
    }

    [Fact]
    public async Task Generated_keys_are_not_journaled()
    {
        await Pipeline().SendAsync(TestPipelines.CreateCampaign("Spring"), SilentObserver.Instance, default);
        await Pipeline().SendAsync(TestPipelines.CreateCampaign("Spring"), SilentObserver.Instance, default);

        Assert.Equal(2, Api.Posts.Count);
    }

    private sealed class NothingMade : IWriteReconciler
    {
        public IReadOnlyList<string> MadeIds(ApiResponse response) => Array.Empty<string>();

        public ApiRequest ArchiveRequest(ApiRequest write, IReadOnlyList<string> ids) => throw new NotSupportedException("These writes never time out.");

        public Task<ReconcileResult> ReconcileAsync(UnknownWrite write, IApiReader reader, ICallObserver observer, CancellationToken cancellationToken) =>
            Task.FromResult(ReconcileResult.NotFound("nothing was made"));
    }

    private sealed class FoundIt(FakeApi api) : IWriteReconciler
    {
        public IReadOnlyList<string> MadeIds(ApiResponse response) => Array.Empty<string>();

        public ApiRequest ArchiveRequest(ApiRequest write, IReadOnlyList<string> ids) => throw new NotSupportedException("These writes never time out.");

        public Task<ReconcileResult> ReconcileAsync(UnknownWrite write, IApiReader reader, ICallObserver observer, CancellationToken cancellationToken)
        {
            var c = api.Campaigns.Single();
            return Task.FromResult(ReconcileResult.Found(JsonSerializer.SerializeToUtf8Bytes(new { items = new[] { new { data = new { id = c.Id, name = c.Name }, exceptions = (object?)null } } })));
        }
    }
}

public sealed class FileJournalTests : JournalTests
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pinads-journal-" + Guid.NewGuid().ToString("N"));

    public override void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    protected override IIdempotencyJournal Journal() =>
        SessionWiring.CreateJournal(new BudgetOptions { StateDirectory = _folder, TimeProvider = Time }, ClientId);

    protected override IIdempotencyJournal Journal(TimeSpan lease) =>
        new FileIdempotencyJournal(_folder, ClientId, TimeSpan.FromDays(7), lease, TimeProvider.System);

    [Fact]
    public async Task A_damaged_entry_counts_as_an_unknown_outcome_not_a_crash()
    {
        var journal = (FileIdempotencyJournal)Journal();
        Directory.CreateDirectory(Path.GetDirectoryName(journal.PathFor("run-47"))!);
        await File.WriteAllTextAsync(journal.PathFor("run-47"), "{\"State\":\"comp");

        var claim = await journal.BeginAsync("run-47", "abc", default);

        Assert.Equal(JournalClaimStatus.Recovered, claim.Status);
    }
}

[Collection(RedisTimingCollection.Name)]
public sealed class RedisJournalTests : JournalTests
{
    private readonly RedisServer _redis = new();

    public override void Dispose() => _redis.Dispose();

    protected override IIdempotencyJournal Journal() =>
        SessionWiring.CreateJournal(new BudgetOptions { RedisConfiguration = _redis.Configuration }, ClientId);

    protected override IIdempotencyJournal Journal(TimeSpan lease) =>
        new RedisIdempotencyJournal(_redis.Configuration, ClientId, TimeSpan.FromDays(7), lease);

    [Fact]
    public async Task A_claim_whose_process_on_this_machine_is_gone_is_taken_over_at_once()
    {
        var journal = (RedisIdempotencyJournal)Journal();
        var first = await journal.BeginAsync("run-49", "fp", default);
        var db = (await RedisConnections.GetAsync(_redis.Configuration)).GetDatabase();

        await db.HashSetAsync(journal.KeyFor("run-49"), "holder", ProcessIdentity.Current);
        var whileAlive = await journal.BeginAsync("run-49", "fp", default);
        await db.HashSetAsync(journal.KeyFor("run-49"), "holder", DeadProcess());
        var afterDeath = await journal.BeginAsync("run-49", "fp", default);

        Assert.Equal(JournalClaimStatus.Claimed, first.Status);
        Assert.Equal(JournalClaimStatus.InProgress, whileAlive.Status);
        Assert.Equal(JournalClaimStatus.Recovered, afterDeath.Status);
        Assert.NotNull(afterDeath.LastAliveAt);
        Assert.False(await journal.RenewAsync(first, default));
        Assert.True(await journal.RenewAsync(afterDeath, default));
    }

    /// <summary>The identity a process on this machine had, once it has exited.</summary>
    private static string DeadProcess()
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("sleep", "0.2") { UseShellExecute = false })!;
        long started = new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds();
        process.WaitForExit();
        return $"{Environment.MachineName}|{process.Id}|{started}";
    }

    [Fact]
    public async Task Redis_down_means_nothing_is_sent_and_the_error_names_the_journal()
    {
        _redis.Kill();

        var error = await Assert.ThrowsAsync<PinterestAdsException>(() =>
            TestPipelines.Build(Api, new CountingLimiter(), TestPipelines.Retrying(Time), Journal(), Time)
                .SendAsync(TestPipelines.CreateCampaign("Spring", key: "run-48"), SilentObserver.Instance, default));

        Assert.Equal(IdempotencyErrors.JournalUnavailableId, error.ErrorId);
        Assert.Equal(FailureKind.LimitsExceeded, error.Kind);
        Assert.Contains("Redis " + _redis.Configuration, error.Message);
        Assert.DoesNotContain("mgr:", error.Message);
        Assert.Empty(Api.Requests);
    }
}
