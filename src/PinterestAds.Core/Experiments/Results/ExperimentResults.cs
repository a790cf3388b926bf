using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Analytics;
using PinterestAds.Core.Analytics.Planning;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Experiments.Statistics;
using PinterestAds.Core.Session;

namespace PinterestAds.Core.Experiments.Results
{
    /// <summary>
    /// An experiment's results: its variants found by name (<see cref="ExperimentCatalog"/>), their
    /// delivery read for all of them at once through the analytics reader (one ad_groups/analytics
    /// request per 90 days, every variant's ad group in it), added up per variant and judged by
    /// <see cref="ExperimentAnalysis"/>.
    /// </summary>
    public static class ExperimentResults
    {
        /// <summary>Spend, impressions, clicks and conversions: the four measures a verdict and a cost per conversion need.</summary>
        private static readonly string[] Columns = { "SPEND_IN_DOLLAR", "IMPRESSION_1", "CLICKTHROUGH_1", "TOTAL_CONVERSIONS" };

        /// <summary>One result per variant, the control first, in the order Get-PinExperiment lists them.</summary>
        public static async Task<IReadOnlyList<VariantResult>> ReadAsync(PinterestAdsContext context, ExperimentResultQuery query, ICallObserver observer, CancellationToken cancellationToken)
        {
            // The days are checked before the experiment is looked up, so a range Pinterest would refuse sends nothing.
            ReadSpec.Check(Analytics(query, Array.Empty<PinterestId>(), query.StartDate), AnalyticsReader.Today(context));
            var experiment = await ExperimentCatalog.FindAsync(context, query.Experiment, includeAds: false, observer, cancellationToken).ConfigureAwait(false);

            var adGroups = experiment.Variants.Select(v => PinterestId.Parse(nameof(ExperimentVariant.AdGroupId), v.AdGroupId)).ToArray();
            var analytics = Analytics(query, adGroups, query.StartDate ?? experiment.CreatedTime?.Date);
            var totals = experiment.Variants.ToDictionary(v => v.AdGroupId, v => new VariantCounts { Variant = v.Variant, IsControl = v.IsControl, Status = v.Status }, StringComparer.Ordinal);
            await foreach (var row in AnalyticsReader.ReadAsync(context, analytics, observer, pacer: null, cancellationToken).ConfigureAwait(false))
            {
                if (totals.TryGetValue(row.Id, out var counts))
                {
                    Add(counts, row);
                }
            }

            return ExperimentAnalysis.Analyze(experiment.Name, query.Metric, experiment.Variants.Select(v => totals[v.AdGroupId]));
        }

        /// <summary>
        /// Every variant's ad group in each request, by day: a Total covers one request's days at
        /// most, and an experiment may run longer than that, so days are read and added up. The
        /// reader plans one synchronous request per 90 recent days and async reports for older ones.
        /// Spend stays in the account's currency (results compare variants of one account), so no
        /// exchange rate is needed.
        /// </summary>
        private static AnalyticsQuery Analytics(ExperimentResultQuery query, IReadOnlyList<PinterestId> adGroups, DateTime? start) =>
            new AnalyticsQuery(query.Experiment.AdAccountId, AnalyticsLevel.AdGroup, adGroups)
            {
                StartDate = start,
                EndDate = query.EndDate,
                Granularity = AnalyticsGranularity.Day,
                Column = Columns,
                ConvertToUsd = false,
            };

        /// <summary>Adds one day's row of a variant's ad group to the variant's counts.</summary>
        private static void Add(VariantCounts counts, AnalyticsRow row)
        {
            counts.Spend += row.Spend ?? 0m;
            counts.Currency ??= row.Currency;
            counts.Impressions += row.Impressions ?? 0;
            counts.Clicks += row.Clicks ?? 0;
            counts.Conversions += row.Conversions ?? 0;
        }
    }
}
