using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Reading;
using PinterestAds.Core.Analytics.AsyncReports;
using PinterestAds.Core.Analytics.Endpoints;
using PinterestAds.Core.Analytics.Planning;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Session;

namespace PinterestAds.Core.Analytics
{
    /// <summary>
    /// Reads analytics rows for one ad account: checks the query against everything Pinterest would
    /// refuse (nothing is sent otherwise), plans the fewest requests (<see cref="RequestPlanner"/>),
    /// and streams the rows of each request as it is read, synchronous or async report alike. The
    /// next request is sent only once the consumer has taken the rows before it.
    /// </summary>
    public static class AnalyticsReader
    {
        /// <param name="pacer">The consumer's buffer, waited on before each request after the first; null when the consumer buffers nothing.</param>
        public static async IAsyncEnumerable<AnalyticsRow> ReadAsync(
            PinterestAdsContext context,
            AnalyticsQuery query,
            ICallObserver observer,
            IOutputPacer? pacer,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            DateTime today = Today(context);
            var spec = ReadSpec.Check(query, today);
            var (ids, names) = await EntitiesAsync(context, query, observer, cancellationToken).ConfigureAwait(false);
            if (query.Level != AnalyticsLevel.AdAccount && ids.Count == 0)
            {
                observer.Verbose($"Ad account {query.AdAccountId} has no {query.Level} to read analytics for.");
                yield break;
            }

            var plan = spec.Plan(ids, today);
            var assembler = await RowAssembler.ForAsync(context, spec, names, observer, cancellationToken).ConfigureAwait(false);
            observer.Verbose($"{query.Level} analytics of ad account {query.AdAccountId}, {spec.Range}: {Describe(plan)}.");
            bool first = true;
            foreach (var planned in plan)
            {
                if (!first && pacer != null)
                {
                    await pacer.WaitDeliveredAsync(cancellationToken).ConfigureAwait(false);
                }

                first = false;
                var rows = planned.Kind == RequestKind.Sync
                    ? SyncAnalytics.ReadAsync(context, spec, planned, observer, cancellationToken)
                    : AsyncReport.ReadAsync(context, spec, planned, observer, cancellationToken);
                await foreach (var raw in rows.ConfigureAwait(false))
                {
                    yield return assembler.Assemble(raw, planned.Span);
                }
            }
        }

        /// <summary>Today as Pinterest's analytics count it: the UTC date.</summary>
        internal static DateTime Today(PinterestAdsContext context) => context.Budget.TimeProvider.GetUtcNow().UtcDateTime.Date;

        private static string Describe(IReadOnlyList<PlannedRequest> plan)
        {
            int sync = plan.Count(p => p.Kind == RequestKind.Sync);
            int reports = plan.Count - sync;
            return sync + " request(s)" + (reports > 0 ? $" and {reports} async report(s)" : string.Empty);
        }

        /// <summary>The query's ids (names as the caller knows them), or, when it gives none at an entity level, every entity of that level with its name.</summary>
        private static async Task<(IReadOnlyList<string> Ids, IReadOnlyDictionary<string, string?>? Names)> EntitiesAsync(
            PinterestAdsContext context,
            AnalyticsQuery query,
            ICallObserver observer,
            CancellationToken cancellationToken)
        {
            var kind = LevelEndpoints.For(query.Level).Kind;
            if (kind is null || query.Ids.Count > 0)
            {
                return (query.Ids.Select(id => id.ToString()).Distinct(StringComparer.Ordinal).ToArray(), query.Names);
            }

            var names = new Dictionary<string, string?>(StringComparer.Ordinal);
            await foreach (var entity in AdsReader.ListEveryAsync(context, query.AdAccountId, kind.Value, observer, cancellationToken).ConfigureAwait(false))
            {
                names[entity.Id] = entity.Name;
            }

            return (names.Keys.ToArray(), names);
        }
    }
}
