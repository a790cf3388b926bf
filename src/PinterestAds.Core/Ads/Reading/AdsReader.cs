using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Ads.Values;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;
using PinterestAds.Core.Session;

namespace PinterestAds.Core.Ads.Reading
{
    /// <summary>Lists campaigns, ad groups or ads: one implementation for all three.</summary>
    public static class AdsReader
    {
        /// <summary>The most ids one list filter takes (spec maxItems 250); longer lists are split.</summary>
        public const int MaxIdsPerRequest = 250;

        public static async IAsyncEnumerable<T> ListAsync<T>(
            PinterestAdsContext context,
            AdsResource<T> resource,
            AdsListQuery query,
            ICallObserver observer,
            [EnumeratorCancellation] CancellationToken cancellationToken)
            where T : AdsEntity
        {
            var (filterName, filterIds) = Filter(resource, query);
            var statuses = query.Status is null ? null : EnumValues.RequireAll(nameof(query.Status), query.Status, SpecValues.EntityStatuses);
            if (query.PageSize < 1 || query.PageSize > Paginator.MaxPageSize)
            {
                throw PinterestAdsException.InvalidArgument(nameof(query.PageSize), $"{query.PageSize} is outside 1 to {Paginator.MaxPageSize}.", query.PageSize);
            }

            // Ids asked for by name are listed whatever their status, and all of them.
            bool ownIds = filterName == resource.IdsQuery;
            statuses ??= ownIds ? SpecValues.EntityStatuses.ToArray() : null;
            var request = ApiRequest.Get(resource.CollectionPath(query.AdAccountId), resource.Operation("list"))
                .ForAdAccount(query.AdAccountId.ToString())
                .WithQueryValues("entity_statuses", statuses ?? Array.Empty<string>())
                .WithQuery("order", query.Order);

            string? currency = null;
            bool currencyKnown = false;
            foreach (var chunk in Chunks(filterIds))
            {
                var pages = Items(context, request.WithQueryValues(filterName ?? string.Empty, chunk), query.PageSize, query.AllPages || ownIds, resource, observer, cancellationToken);
                await foreach (var json in pages.ConfigureAwait(false))
                {
                    if (!currencyKnown)
                    {
                        currency = await AccountCurrencies.GetAsync(context, query.AdAccountId, observer, cancellationToken).ConfigureAwait(false);
                        currencyKnown = true;
                    }

                    yield return resource.Parse(json, query.AdAccountId.ToString(), currency);
                }
            }
        }

        /// <summary>Every campaign, ad group or ad of an ad account, whatever its status, 250 to a page.</summary>
        public static IAsyncEnumerable<AdsEntity> ListEveryAsync(PinterestAdsContext context, PinterestId adAccountId, AdsKind kind, ICallObserver observer, CancellationToken cancellationToken)
        {
            var query = new AdsListQuery(adAccountId) { Status = SpecValues.EntityStatuses, AllPages = true, PageSize = Paginator.MaxPageSize };
            return kind switch
            {
                AdsKind.Campaign => ListAsync(context, AdsResources.Campaigns, query, observer, cancellationToken),
                AdsKind.AdGroup => ListAsync(context, AdsResources.AdGroups, query, observer, cancellationToken),
                _ => ListAsync(context, AdsResources.Ads, query, observer, cancellationToken),
            };
        }

        private static (string? Name, IReadOnlyList<string> Ids) Filter<T>(AdsResource<T> resource, AdsListQuery query)
            where T : AdsEntity
        {
            var candidates = new (string Name, IReadOnlyList<PinterestId> Ids)[]
            {
                (resource.IdsQuery, query.Ids),
                ("ad_group_ids", resource.Kind == AdsKind.Ad ? query.AdGroupIds : Array.Empty<PinterestId>()),
                ("campaign_ids", resource.Kind != AdsKind.Campaign ? query.CampaignIds : Array.Empty<PinterestId>()),
            };

            // Pinterest takes one kind of filter per request; the most specific one given wins.
            foreach (var (name, ids) in candidates)
            {
                if (ids.Count > 0)
                {
                    return (name, ids.Distinct().Select(id => id.ToString()).ToArray());
                }
            }

            return (null, Array.Empty<string>());
        }

        private static IEnumerable<IReadOnlyCollection<string>> Chunks(IReadOnlyList<string> ids)
        {
            if (ids.Count == 0)
            {
                yield return Array.Empty<string>();
                yield break;
            }

            for (int start = 0; start < ids.Count; start += MaxIdsPerRequest)
            {
                yield return ids.Skip(start).Take(MaxIdsPerRequest).ToArray();
            }
        }

        private static async IAsyncEnumerable<JsonElement> Items<T>(
            PinterestAdsContext context,
            ApiRequest request,
            int pageSize,
            bool allPages,
            AdsResource<T> resource,
            ICallObserver observer,
            [EnumeratorCancellation] CancellationToken cancellationToken)
            where T : AdsEntity
        {
            if (allPages)
            {
                await foreach (var item in context.Pipeline.ListAsync(request, pageSize, observer, cancellationToken).ConfigureAwait(false))
                {
                    yield return item;
                }

                yield break;
            }

            var page = request.WithQuery("page_size", pageSize.ToString(CultureInfo.InvariantCulture));
            var (items, bookmark) = Paginator.ReadPage(await context.Pipeline.SendAsync(page, observer, cancellationToken).ConfigureAwait(false));
            foreach (var item in items)
            {
                yield return item;
            }

            if (bookmark != null)
            {
                observer.Warning($"More {resource.Collection.Replace('_', ' ')} exist than this page of {pageSize} shows; use -All, -First or a larger -PageSize to get them.");
            }
        }
    }
}
