using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Reconciliation;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Http;
using PinterestAds.Core.Idempotency;
using Xunit;

namespace PinterestAds.Core.Tests.Ads;

/// <summary>
/// How the create reconciler reads Pinterest's newest-first list of a lost create's parent: on a
/// list served as given (ids descending, created_time in whole seconds), with Pinterest's clock
/// known to within milliseconds (an answer received just after its Date header's second began).
/// </summary>
public sealed class CandidateScanTests
{
    private const string Account = "549755885175";

    // The lost create left at 12:00:11.500, on Pinterest's clock as on ours.
    private static readonly DateTimeOffset SentAt = new(2026, 3, 1, 12, 0, 11, 500, TimeSpan.Zero);

    private static long Second(int second) => new DateTimeOffset(2026, 3, 1, 12, 0, second, TimeSpan.Zero).ToUnixTimeSeconds();

    private static JsonObject Campaign(long id, string name, long created) => new()
    {
        ["id"] = id.ToString(CultureInfo.InvariantCulture),
        ["ad_account_id"] = Account,
        ["name"] = name,
        ["objective_type"] = "AWARENESS",
        ["status"] = "ACTIVE",
        ["created_time"] = created,
    };

    private static async Task<ReconcileResult> ReconcileAsync(params JsonObject[] listed)
    {
        var clock = new ServerClock();
        var second = new DateTimeOffset(2026, 3, 1, 12, 0, 6, TimeSpan.Zero);
        clock.Observe(second.AddMilliseconds(-10), second.AddMilliseconds(5), second.ToString("r", CultureInfo.InvariantCulture));
        var request = ApiRequest.Post($"ad_accounts/{Account}/campaigns", "create_campaign")
            .ForAdAccount(Account)
            .WithIdempotencyKey("scan-1")
            .WithJsonBody(new JsonArray(new JsonObject { ["ad_account_id"] = Account, ["name"] = "Mine", ["objective_type"] = "AWARENESS" }));
        var write = new UnknownWrite(request, clock, new UnresolvedSend(SentAt), new EntityClaims(null, new Uri("https://api.pinterest.com/v5/"), "client"), new HashSet<string>());
        return await new CreateReconciler<Campaign>(AdsResources.Campaigns).ReconcileAsync(write, new ListedAsGiven(listed), new RecordingObserver(), default);
    }

    [Fact]
    public async Task A_create_listed_after_an_older_one_with_a_higher_id_is_found()
    {
        // Another writer's create took its created_time before mine but its id after: Pinterest lists it first.
        var result = await ReconcileAsync(Campaign(103, "Other", Second(10)), Campaign(102, "Mine", Second(11)), Campaign(101, "Older", Second(2)));

        Assert.Equal(ReconcileOutcome.Found, result.Outcome);
        Assert.Contains("\"id\":\"102\"", Encoding.UTF8.GetString(result.Body!));
    }

    [Fact]
    public async Task A_scan_cut_short_by_its_bound_never_says_the_create_did_not_happen()
    {
        var newer = Enumerable.Range(0, CreateReconciler<Campaign>.MaxScanned).Select(i => Campaign(5000 - i, "Busy " + i, Second(12)));

        var result = await ReconcileAsync(newer.Append(Campaign(1, "Mine", Second(11))).ToArray());

        Assert.Equal(ReconcileOutcome.Unknown, result.Outcome);
        Assert.Contains(CreateReconciler<Campaign>.MaxScanned.ToString(CultureInfo.InvariantCulture), result.Detail);
    }

    [Fact]
    public async Task Nothing_made_since_the_send_is_not_found()
    {
        var result = await ReconcileAsync(Campaign(102, "Mine", Second(9)), Campaign(101, "Mine", Second(1)));

        Assert.Equal(ReconcileOutcome.NotFound, result.Outcome);
    }

    /// <summary>One page holding the entities given, in the order given, whatever is asked.</summary>
    private sealed class ListedAsGiven(JsonObject[] entities) : IApiReader
    {
        public Task<ApiResponse> ReadAsync(ApiRequest request, ICallObserver observer, CancellationToken cancellationToken)
        {
            var page = new JsonObject { ["items"] = new JsonArray(entities.Select(e => (JsonNode)e.DeepClone()).ToArray()), ["bookmark"] = null };
            return Task.FromResult(new ApiResponse(HttpStatusCode.OK, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(page.ToJsonString()), request));
        }
    }
}
