using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Reading;
using PinterestAds.Core.Analytics;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Jobs;
using PinterestAds.Core.Session;

namespace PinterestAds.Core.StateChanges
{
    /// <summary>
    /// One worker's look at a job's ad accounts (Get-PinStateChange): what webhooks would have said,
    /// found by comparing each account's campaigns, ad groups and ads, and its campaigns' spend
    /// against their caps, with the job's last snapshot. The first look records a baseline and
    /// reports nothing; the snapshot moves only after the changes were written, so a crashed look
    /// reports them again rather than never. Workers of one job take each account under a lease,
    /// so two never report the same change.
    /// </summary>
    public sealed class StateWatch
    {
        private readonly PinterestAdsContext _context;
        private readonly string _name;
        private readonly JobRun _run;

        private StateWatch(PinterestAdsContext context, string name, IEnumerable<PinterestId> accounts)
        {
            _context = context;
            _name = name;
            _run = new JobRun(JobStores.For(context, name), name, TimeSpan.Zero);
            Accounts = JobRun.Shuffled(accounts.Select(id => id.ToString())).Select(id => PinterestId.Parse("AdAccountId", id)).ToArray();
        }

        /// <summary>The accounts in this worker's order.</summary>
        public IReadOnlyList<PinterestId> Accounts { get; }

        public static StateWatch Start(PinterestAdsContext context, string name, IEnumerable<PinterestId> adAccountId) => new StateWatch(context, name, adAccountId);

        public async IAsyncEnumerable<StateChange> CompareAsync(PinterestId adAccountId, ICallObserver observer, IOutputPacer? pacer, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await using var turn = await _run.TakeAsync(adAccountId.ToString(), observer, cancellationToken).ConfigureAwait(false);
            if (turn is null)
            {
                yield break;
            }

            var detectedAt = _context.Budget.TimeProvider.GetUtcNow();
            DateTime today = AnalyticsReader.Today(_context);
            var before = AccountSnapshot.FromJson(turn.Previous.State);
            var entities = new List<EntityState>();
            var campaigns = new List<Campaign>();
            foreach (var kind in new[] { AdsKind.Campaign, AdsKind.AdGroup, AdsKind.Ad })
            {
                await foreach (var entity in AdsReader.ListEveryAsync(_context, adAccountId, kind, observer, cancellationToken).ConfigureAwait(false))
                {
                    entities.Add(EntityState.Of(entity));
                    if (entity is Campaign campaign)
                    {
                        campaigns.Add(campaign);
                    }
                }
            }

            var previousCaps = before?.Caps ?? new Dictionary<string, CapState>();
            var spend = await SpendAsync(adAccountId, campaigns, previousCaps, today, observer, cancellationToken).ConfigureAwait(false);
            var (capChanges, caps) = CapWatch.Judge(campaigns, spend, previousCaps, today, detectedAt);
            if (before is null)
            {
                observer.Verbose($"Job '{_name}': recorded the baseline of ad account {adAccountId} ({campaigns.Count} campaign(s), {entities.Count - campaigns.Count} ad group(s) and ad(s)); changes are reported from the next look on.");
            }
            else
            {
                foreach (var change in SnapshotDiff.Compare(before, entities, adAccountId.ToString(), detectedAt).Concat(capChanges))
                {
                    yield return change;
                }
            }

            if (pacer != null)
            {
                await pacer.WaitDeliveredAsync(cancellationToken).ConfigureAwait(false);
            }

            await turn.CompleteAsync(new AccountSnapshot(entities, caps).ToJson(), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The watched campaigns' daily spend since the first day any of them needs (one read for them all), in the account's currency.</summary>
        private async Task<Dictionary<string, Dictionary<DateTime, decimal>>> SpendAsync(
            PinterestId adAccountId,
            List<Campaign> campaigns,
            IReadOnlyDictionary<string, CapState> previous,
            DateTime today,
            ICallObserver observer,
            CancellationToken cancellationToken)
        {
            var spend = new Dictionary<string, Dictionary<DateTime, decimal>>(StringComparer.Ordinal);
            var watched = campaigns.Where(CapWatch.IsWatched).ToList();
            if (watched.Count == 0)
            {
                return spend;
            }

            var from = watched.ToDictionary(c => c.Id, c => CapWatch.ReadFrom(c, previous.TryGetValue(c.Id, out var state) ? state : null, today), StringComparer.Ordinal);
            var query = new AnalyticsQuery(adAccountId, AnalyticsLevel.Campaign, watched.Select(c => PinterestId.Parse(nameof(Campaign), c.Id)).ToArray())
            {
                StartDate = from.Values.Min(),
                EndDate = today,
                Granularity = AnalyticsGranularity.Day,
                Column = new[] { "SPEND_IN_DOLLAR" },
                ConvertToUsd = false,
            };
            await foreach (var row in AnalyticsReader.ReadAsync(_context, query, observer, null, cancellationToken).ConfigureAwait(false))
            {
                if (row.Date is DateTime day && row.Spend is decimal amount && from.TryGetValue(row.Id, out var needed) && day >= needed)
                {
                    if (!spend.TryGetValue(row.Id, out var days))
                    {
                        spend[row.Id] = days = new Dictionary<DateTime, decimal>();
                    }

                    days[day.Date] = amount;
                }
            }

            return spend;
        }
    }
}
