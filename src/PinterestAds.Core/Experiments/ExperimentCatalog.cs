using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Reading;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;
using PinterestAds.Core.Session;

namespace PinterestAds.Core.Experiments
{
    /// <summary>
    /// Finds experiments in Pinterest: lists the ad groups of an ad account (or of one campaign) and
    /// reads their names (<see cref="ExperimentNames"/>). Only the variants' ads need a second list.
    /// A tab completer lists names with <c>includeAds: false</c>, which costs the ad group pages only.
    /// </summary>
    public static class ExperimentCatalog
    {
        /// <summary>Variants are listed in these statuses: a stopped experiment's archived variants still belong to it.</summary>
        private static readonly string[] VariantStatuses = { "ACTIVE", "PAUSED", "ARCHIVED" };

        /// <summary>
        /// Every experiment of the ad account (or of <paramref name="campaignId"/>) whose name
        /// <paramref name="nameFilter"/> accepts (all when null), ordered by name.
        /// </summary>
        /// <param name="includeAds">Also list the variants' ads (ad id, pin, review status): one more list request per 250 variants.</param>
        public static async Task<IReadOnlyList<Experiment>> ListAsync(
            PinterestAdsContext context,
            PinterestId adAccountId,
            PinterestId? campaignId,
            Func<string, bool>? nameFilter,
            bool includeAds,
            ICallObserver observer,
            CancellationToken cancellationToken)
        {
            var variants = new List<ExperimentVariant>();
            var query = new AdsListQuery(adAccountId)
            {
                CampaignIds = campaignId is PinterestId campaign ? new[] { campaign } : Array.Empty<PinterestId>(),
                Status = VariantStatuses,
                AllPages = true,
                PageSize = Paginator.MaxPageSize,
            };
            await foreach (var group in AdsReader.ListAsync(context, AdsResources.AdGroups, query, observer, cancellationToken).ConfigureAwait(false))
            {
                if (ExperimentNames.TryParse(group.Name, out string experiment, out string variant, out bool isControl) && (nameFilter is null || nameFilter(experiment)))
                {
                    variants.Add(new ExperimentVariant
                    {
                        Experiment = experiment,
                        Variant = variant,
                        IsControl = isControl,
                        Status = group.Status,
                        AdAccountId = adAccountId.ToString(),
                        CampaignId = group.CampaignId,
                        AdGroupId = group.Id,
                        AdGroupName = group.Name!,
                        CreatedTime = group.CreatedTime,
                    });
                }
            }

            if (includeAds && variants.Count > 0)
            {
                await AddAdsAsync(context, adAccountId, variants, observer, cancellationToken).ConfigureAwait(false);
            }

            return Assemble(adAccountId, variants);
        }

        /// <summary>
        /// The one experiment <paramref name="experiment"/> names; an error that lists the
        /// experiments there are when none is, and one that asks for -CampaignId when two campaigns hold one.
        /// </summary>
        public static async Task<Experiment> FindAsync(PinterestAdsContext context, ExperimentRef experiment, bool includeAds, ICallObserver observer, CancellationToken cancellationToken)
        {
            var (adAccountId, name) = (experiment.AdAccountId, experiment.Name);
            var all = await ListAsync(context, adAccountId, experiment.CampaignId, null, includeAds: false, observer, cancellationToken).ConfigureAwait(false);
            var found = all.Where(e => ExperimentNames.Same(e.Name, name)).ToList();
            if (found.Count == 0)
            {
                throw NotFound(adAccountId, experiment.CampaignId, name, all);
            }

            if (found.Count > 1)
            {
                throw new PinterestAdsException(
                    "experimentAmbiguous",
                    FailureKind.InvalidArgument,
                    $"Experiment '{name}' exists in {found.Count} campaigns of ad account {adAccountId} ({string.Join(", ", found.Select(e => e.CampaignId))}): give -CampaignId to say which.",
                    "Run the command again with -CampaignId.")
                { Target = name };
            }

            if (!includeAds)
            {
                return found[0];
            }

            var variants = found[0].Variants.ToList();
            await AddAdsAsync(context, adAccountId, variants, observer, cancellationToken).ConfigureAwait(false);
            return Assemble(adAccountId, variants)[0];
        }

        /// <summary>Groups variants into experiments (one per campaign and name), the control first.</summary>
        internal static IReadOnlyList<Experiment> Assemble(PinterestId adAccountId, IEnumerable<ExperimentVariant> variants) =>
            variants
                .GroupBy(v => (v.CampaignId, Name: v.Experiment.ToUpperInvariant()))
                .Select(g => new Experiment(
                    g.OrderBy(v => v.CreatedTime).First().Experiment,
                    adAccountId.ToString(),
                    g.Key.CampaignId,
                    g.OrderByDescending(v => v.IsControl).ThenBy(v => v.CreatedTime).ThenBy(v => v.AdGroupId.Length).ThenBy(v => v.AdGroupId, StringComparer.Ordinal).ToArray()))
                .OrderBy(e => e.Name, StringComparer.OrdinalIgnoreCase)
                .ThenBy(e => e.CampaignId, StringComparer.Ordinal)
                .ToArray();

        private static async Task AddAdsAsync(PinterestAdsContext context, PinterestId adAccountId, IReadOnlyList<ExperimentVariant> variants, ICallObserver observer, CancellationToken cancellationToken)
        {
            var byGroup = variants.ToDictionary(v => v.AdGroupId, StringComparer.Ordinal);
            var query = new AdsListQuery(adAccountId)
            {
                AdGroupIds = variants.Select(v => PinterestId.Parse(nameof(ExperimentVariant.AdGroupId), v.AdGroupId)).ToArray(),
                Status = VariantStatuses,
                AllPages = true,
                PageSize = Paginator.MaxPageSize,
            };
            await foreach (var ad in AdsReader.ListAsync(context, AdsResources.Ads, query, observer, cancellationToken).ConfigureAwait(false))
            {
                // A variant has one ad; should someone have added more, the newest stands for it.
                if (ad.AdGroupId is string group && byGroup.TryGetValue(group, out var variant) && (variant.AdId is null || string.CompareOrdinal(ad.Id, variant.AdId) > 0))
                {
                    variant.AdId = ad.Id;
                    variant.PinId = ad.PinId;
                    variant.ReviewStatus = ad.ReviewStatus;
                }
            }
        }

        /// <summary>"There is no experiment 'X' in ad account N", with the experiments there are when <paramref name="existing"/> lists them.</summary>
        public static PinterestAdsException NotFound(PinterestId adAccountId, PinterestId? campaignId, string name, IReadOnlyList<Experiment>? existing = null)
        {
            string where = campaignId is PinterestId campaign ? $"campaign {campaign} of ad account {adAccountId}" : $"ad account {adAccountId}";
            string known = existing is null
                ? string.Empty
                : existing.Count == 0
                    ? ": it has no experiments"
                    : ": its experiments are " + string.Join(", ", existing.Select(e => "'" + e.Name + "'").Distinct().Take(10)) + (existing.Count > 10 ? ", …" : string.Empty);
            return new PinterestAdsException(
                "experimentNotFound",
                FailureKind.NotFound,
                $"There is no experiment '{name}' in {where}{known}. Get-PinExperiment -AdAccountId {adAccountId} lists them.",
                "Check the experiment's name with Get-PinExperiment and run the command again.")
            { Target = name };
        }
    }
}
