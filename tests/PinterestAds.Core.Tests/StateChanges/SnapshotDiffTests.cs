using PinterestAds.Core.Ads;
using PinterestAds.Core.StateChanges;
using Xunit;

namespace PinterestAds.Core.Tests.StateChanges;

/// <summary>What a look reports against the job's snapshot, and how capped campaigns' spend is judged.</summary>
public sealed class SnapshotDiffTests
{
    private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTime Today = Now.UtcDateTime.Date;

    private static EntityState State(AdsKind kind, string id, string status, string? review = null, params string[] reasons) =>
        new EntityState { Kind = kind, Id = id, Name = "n" + id, Status = status, Review = review, Reasons = reasons };

    private static AccountSnapshot Snapshot(params EntityState[] entities) => new AccountSnapshot(entities, new Dictionary<string, CapState>());

    [Fact]
    public void Reports_nothing_when_nothing_changed()
    {
        var before = Snapshot(State(AdsKind.Campaign, "1", "ACTIVE"), State(AdsKind.Ad, "3", "ACTIVE", "APPROVED"));
        Assert.Empty(SnapshotDiff.Compare(before, before.Entities.Values, "9", Now));
    }

    [Fact]
    public void Reports_each_kind_of_change_with_before_and_after()
    {
        var before = Snapshot(
            State(AdsKind.Campaign, "1", "ACTIVE"),
            State(AdsKind.Campaign, "2", "PAUSED"),
            State(AdsKind.Ad, "3", "ACTIVE", "PENDING"),
            State(AdsKind.Ad, "4", "ACTIVE", "PENDING"),
            State(AdsKind.AdGroup, "6", "ACTIVE"));
        var now = new[]
        {
            State(AdsKind.Campaign, "1", "PAUSED"),
            State(AdsKind.Campaign, "2", "ARCHIVED"),
            State(AdsKind.Ad, "3", "ACTIVE", "REJECTED", "LANDING_PAGE", "IMAGE"),
            State(AdsKind.Ad, "4", "ACTIVE", "APPROVED"),
            State(AdsKind.Ad, "5", "ACTIVE", "PENDING"),
        };

        var changes = SnapshotDiff.Compare(before, now, "9", Now).ToDictionary(c => c.Id);

        Assert.Equal(5, changes.Count);
        Assert.Equal((ChangeKind.StatusChanged, "ACTIVE", "PAUSED"), (changes["1"].Change, changes["1"].Before, changes["1"].After));
        Assert.Equal((ChangeKind.Archived, "PAUSED", "ARCHIVED"), (changes["2"].Change, changes["2"].Before, changes["2"].After));
        Assert.Equal(ChangeKind.AdRejected, changes["3"].Change);
        Assert.Equal(new[] { "LANDING_PAGE", "IMAGE" }, changes["3"].Reasons);
        Assert.Equal("Ad 'n3' (3) was rejected: LANDING_PAGE, IMAGE.", changes["3"].Message);
        Assert.Equal(ChangeKind.AdApproved, changes["4"].Change);
        Assert.Equal(ChangeKind.Created, changes["5"].Change);
        Assert.All(changes.Values, c => Assert.Equal(("9", Now), (c.AdAccountId, c.DetectedAt)));
        Assert.False(changes.ContainsKey("6"), "an entity that vanished is not reported");
    }

    [Fact]
    public void Tells_apart_entities_of_different_kinds_with_the_same_id()
    {
        var before = Snapshot(State(AdsKind.Campaign, "1", "ACTIVE"));
        var change = Assert.Single(SnapshotDiff.Compare(before, new[] { State(AdsKind.Campaign, "1", "ACTIVE"), State(AdsKind.Ad, "1", "ACTIVE") }, "9", Now));
        Assert.Equal((AdsKind.Ad, ChangeKind.Created), (change.Kind, change.Change));
    }

    [Fact]
    public void Keeps_a_snapshot_through_its_json_and_reads_garbage_as_no_snapshot()
    {
        var caps = new Dictionary<string, CapState> { ["1"] = new CapState { DailyReachedOn = Today, SettledSpend = 12.5m, SettledThrough = Today.AddDays(-3) } };
        var snapshot = new AccountSnapshot(new[] { State(AdsKind.Ad, "3", "ACTIVE", "REJECTED", "IMAGE") }, caps);

        var read = AccountSnapshot.FromJson(snapshot.ToJson())!;

        Assert.Empty(SnapshotDiff.Compare(read, snapshot.Entities.Values, "9", Now));
        Assert.Equal(Today, read.Caps["1"].DailyReachedOn);
        Assert.Equal(12.5m, read.Caps["1"].SettledSpend);
        Assert.Null(AccountSnapshot.FromJson("{not json"));
        Assert.Null(AccountSnapshot.FromJson(null));
    }

    [Fact]
    public void Reports_a_reached_daily_cap_once_a_day()
    {
        var campaign = new Campaign { Id = "1", Name = "Sale", AdAccountId = "9", Status = "ACTIVE", Currency = "USD", DailySpendCapMicros = 25_500_000 };
        var spend = new Dictionary<string, Dictionary<DateTime, decimal>> { ["1"] = new() { [Today] = 30m } };

        var (changes, states) = CapWatch.Judge(new[] { campaign }, spend, new Dictionary<string, CapState>(), Today, Now);
        var again = CapWatch.Judge(new[] { campaign }, spend, states, Today, Now);
        var tomorrow = CapWatch.Judge(new[] { campaign }, new Dictionary<string, Dictionary<DateTime, decimal>> { ["1"] = new() { [Today.AddDays(1)] = 26m } }, states, Today.AddDays(1), Now);

        var reached = Assert.Single(changes);
        Assert.Equal((ChangeKind.DailyCapReached, "25.50 USD", "30.00 USD"), (reached.Change, reached.Before, reached.After));
        Assert.Empty(again.Changes);
        Assert.Equal(ChangeKind.DailyCapReached, Assert.Single(tomorrow.Changes).Change);
    }

    [Fact]
    public void Adds_settled_spend_and_recent_days_against_the_lifetime_cap()
    {
        var campaign = new Campaign { Id = "1", AdAccountId = "9", Status = "ACTIVE", Currency = "EUR", LifetimeSpendCapMicros = 100_000_000, StartTime = Today.AddDays(-10) };
        Assert.Equal(Today.AddDays(-10), CapWatch.ReadFrom(campaign, null, Today));
        var firstLook = Enumerable.Range(-10, 11).ToDictionary(d => Today.AddDays(d), _ => 8m);

        var (changes, states) = CapWatch.Judge(new[] { campaign }, new Dictionary<string, Dictionary<DateTime, decimal>> { ["1"] = firstLook }, new Dictionary<string, CapState>(), Today, Now);

        Assert.Empty(changes);
        Assert.Equal(8m * 8, states["1"].SettledSpend);
        Assert.Equal(Today.AddDays(-CapWatch.SettleDays), states["1"].SettledThrough);
        Assert.Equal(Today.AddDays(-2), CapWatch.ReadFrom(campaign, states["1"], Today));

        var recent = new Dictionary<DateTime, decimal> { [Today.AddDays(-2)] = 8m, [Today.AddDays(-1)] = 8m, [Today] = 40m };
        var second = CapWatch.Judge(new[] { campaign }, new Dictionary<string, Dictionary<DateTime, decimal>> { ["1"] = recent }, states, Today, Now);

        var reached = Assert.Single(second.Changes);
        Assert.Equal((ChangeKind.LifetimeCapReached, "100.00 EUR", "120.00 EUR"), (reached.Change, reached.Before, reached.After));
    }
}
