using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Analytics;
using PinterestAds.Core.Analytics.Planning;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Jobs;
using PinterestAds.Core.Session;

namespace PinterestAds.Core.Sync
{
    /// <summary>
    /// One worker's run of a sync job (Sync-PinAnalytics, the hourly runbook step). Per ad account it
    /// pulls daily rows from the job's watermark minus the lookback to today, and moves the
    /// watermark to today only after the account's rows were written, so a crashed run repeats
    /// rather than loses. Workers of one job split the accounts through leases (<see cref="JobRun"/>).
    /// </summary>
    public sealed class AnalyticsSync
    {
        private readonly PinterestAdsContext _context;
        private readonly SyncJob _job;
        private readonly JobRun _run;

        private AnalyticsSync(PinterestAdsContext context, SyncJob job, JobRun run)
        {
            _context = context;
            _job = job;
            _run = run;
            Accounts = JobRun.Shuffled(job.AdAccountId.Select(id => id.ToString())).Select(id => PinterestId.Parse(nameof(job.AdAccountId), id)).ToArray();
        }

        /// <summary>The job's accounts in this worker's order (random, so workers started together begin apart).</summary>
        public IReadOnlyList<PinterestId> Accounts { get; }

        /// <summary>Checks the job's settings (nothing is sent otherwise) and opens its state store.</summary>
        public static AnalyticsSync Start(PinterestAdsContext context, SyncJob job)
        {
            if (job.LookbackDays < 0 || job.LookbackDays > AnalyticsLimits.ReportDaysBack)
            {
                throw PinterestAdsException.InvalidArgument(nameof(job.LookbackDays), $"{job.LookbackDays} is outside 0 to {AnalyticsLimits.ReportDaysBack} days.", job.LookbackDays);
            }

            if (job.RunWindow < TimeSpan.Zero)
            {
                throw PinterestAdsException.InvalidArgument(nameof(job.RunWindow), "a run window cannot be negative; 0 pulls every account on every run.", job.RunWindow);
            }

            return new AnalyticsSync(context, job, new JobRun(JobStores.For(context, job.Name), job.Name, job.RunWindow));
        }

        /// <summary>
        /// The account's rows since its watermark minus the lookback, if this worker gets the account
        /// (none when another worker holds it or pulled it within the run window); the watermark moves
        /// once the consumer has taken them all.
        /// </summary>
        public async IAsyncEnumerable<AnalyticsRow> PullAsync(PinterestId adAccountId, ICallObserver observer, IOutputPacer? pacer, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await using var turn = await _run.TakeAsync(adAccountId.ToString(), observer, cancellationToken).ConfigureAwait(false);
            if (turn is null)
            {
                yield break;
            }

            DateTime today = AnalyticsReader.Today(_context);
            DateTime? watermark = Watermark(turn.Previous.State);
            DateTime start = watermark is DateTime last ? last.AddDays(-_job.LookbackDays) : _job.StartDate?.Date ?? today.AddDays(-_job.LookbackDays);
            start = start > today ? today : start;
            var query = new AnalyticsQuery(adAccountId, _job.Level)
            {
                StartDate = start,
                EndDate = today,
                Granularity = AnalyticsGranularity.Day,
                Column = _job.Column,
                ExchangeRate = _job.ExchangeRate,
            };
            observer.Verbose($"Job '{_job.Name}': ad account {adAccountId} from {DateSpan.Format(start)} to {DateSpan.Format(today)} (watermark {(watermark is DateTime mark ? DateSpan.Format(mark) : "none yet")}).");
            await foreach (var row in AnalyticsReader.ReadAsync(_context, query, observer, pacer, cancellationToken).ConfigureAwait(false))
            {
                yield return row;
            }

            if (pacer != null)
            {
                await pacer.WaitDeliveredAsync(cancellationToken).ConfigureAwait(false);
            }

            await turn.CompleteAsync(DateSpan.Format(today), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The last day a run pulled, as the store keeps it (yyyy-MM-dd); null before the first run.</summary>
        private static DateTime? Watermark(string? state) =>
            state != null && DateTime.TryParseExact(state, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime day) ? day : (DateTime?)null;
    }
}
