using System;
using System.Collections.Generic;
using System.Linq;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Reading;
using PinterestAds.Core.Experiments;
using PinterestAds.Core.Session;

namespace PinterestAds.Core.Lookups
{
    /// <summary>
    /// What tab completion offers for ids and names: the accounts probed at connect, and live lookups
    /// answered from the context's <see cref="LookupCache"/> within <see cref="LookupCache.WaitBound"/>.
    /// Every method returns an empty list rather than fail.
    /// </summary>
    public static class Suggestions
    {
        /// <summary>The ad accounts probed at connect, with their names; no request.</summary>
        public static IReadOnlyList<Suggestion> AdAccounts(PinterestAdsContext context) =>
            context.ProbedAdAccounts.Select(a => new Suggestion(a.Id, a.Name)).ToArray();

        /// <summary>The newest campaigns of an account.</summary>
        public static IReadOnlyList<Suggestion> Campaigns(PinterestAdsContext context, PinterestId adAccountId) =>
            Ads(context, AdsResources.Campaigns, new AdsListQuery(adAccountId));

        /// <summary>The newest ad groups of an account, or of one campaign.</summary>
        public static IReadOnlyList<Suggestion> AdGroups(PinterestAdsContext context, PinterestId adAccountId, PinterestId? campaignId) =>
            Ads(context, AdsResources.AdGroups, new AdsListQuery(adAccountId) { CampaignIds = Only(campaignId) });

        /// <summary>The newest ads of an account, or of one ad group, or of one campaign.</summary>
        public static IReadOnlyList<Suggestion> AdsOf(PinterestAdsContext context, PinterestId adAccountId, PinterestId? campaignId, PinterestId? adGroupId) =>
            Ads(context, AdsResources.Ads, new AdsListQuery(adAccountId) { CampaignIds = Only(campaignId), AdGroupIds = Only(adGroupId) });

        public static IReadOnlyList<Suggestion> Boards(PinterestAdsContext context) =>
            context.Lookups.Get("boards", ct => LiveLookups.BoardsAsync(context, ct), LookupCache.WaitBound);

        public static IReadOnlyList<Suggestion> Pins(PinterestAdsContext context) =>
            context.Lookups.Get("pins", ct => LiveLookups.PinsAsync(context, ct), LookupCache.WaitBound);

        public static IReadOnlyList<Suggestion> Media(PinterestAdsContext context) =>
            context.Lookups.Get("media", ct => LiveLookups.MediaAsync(context, ct), LookupCache.WaitBound);

        /// <summary>The experiments of an account (or one campaign), with how many variants each has.</summary>
        public static IReadOnlyList<Suggestion> Experiments(PinterestAdsContext context, PinterestId adAccountId, PinterestId? campaignId) =>
            Variants(context, adAccountId, campaignId)
                .GroupBy(v => v.Experiment, StringComparer.OrdinalIgnoreCase)
                .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
                .Select(g => new Suggestion(g.Key, g.Count() == 1 ? "1 variant" : g.Count() + " variants"))
                .ToArray();

        /// <summary>The variants of one experiment, the control first.</summary>
        public static IReadOnlyList<Suggestion> VariantsOf(PinterestAdsContext context, PinterestId adAccountId, PinterestId? campaignId, string experiment) =>
            Variants(context, adAccountId, campaignId)
                .Where(v => ExperimentNames.Same(v.Experiment, experiment))
                .OrderByDescending(v => v.IsControl)
                .Select(v => new Suggestion(v.Variant, (v.IsControl ? "control, " : string.Empty) + v.Status))
                .ToArray();

        private static IReadOnlyList<VariantMark> Variants(PinterestAdsContext context, PinterestId adAccountId, PinterestId? campaignId) =>
            context.Lookups.Get("experiments/" + adAccountId + "/" + campaignId, ct => LiveLookups.VariantsAsync(context, adAccountId, campaignId, ct), LookupCache.WaitBound);

        private static IReadOnlyList<Suggestion> Ads<T>(PinterestAdsContext context, AdsResource<T> resource, AdsListQuery query)
            where T : AdsEntity
        {
            string key = resource.Collection + "/" + query.AdAccountId + "/" + string.Join(",", query.CampaignIds) + "/" + string.Join(",", query.AdGroupIds);
            return context.Lookups.Get(key, ct => LiveLookups.AdsAsync(context, resource, query, ct), LookupCache.WaitBound);
        }

        private static IReadOnlyList<PinterestId> Only(PinterestId? id) => id is PinterestId one ? new[] { one } : Array.Empty<PinterestId>();
    }
}
