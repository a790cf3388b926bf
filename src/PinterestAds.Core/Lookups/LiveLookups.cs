using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Reading;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Experiments;
using PinterestAds.Core.Http;
using PinterestAds.Core.Json;
using PinterestAds.Core.Session;

namespace PinterestAds.Core.Lookups
{
    /// <summary>
    /// The reads behind tab completion: one page of the newest items, each as a value and what a
    /// person knows it by. Each is one request (ad groups for experiments: as many pages as there are).
    /// </summary>
    public static class LiveLookups
    {
        /// <summary>More than a completion list can usefully show; one request.</summary>
        private const int PageSize = 100;

        /// <summary>The newest ACTIVE and PAUSED campaigns, ad groups or ads of an account, narrowed as <paramref name="query"/> says.</summary>
        public static async Task<IReadOnlyList<Suggestion>> AdsAsync<T>(PinterestAdsContext context, AdsResource<T> resource, AdsListQuery query, CancellationToken cancellationToken)
            where T : AdsEntity
        {
            query.PageSize = PageSize;
            query.Order = "DESCENDING";
            var found = new List<Suggestion>();
            await foreach (var entity in AdsReader.ListAsync(context, resource, query, SilentObserver.Instance, cancellationToken).ConfigureAwait(false))
            {
                found.Add(new Suggestion(entity.Id, entity.Name));
            }

            return found;
        }

        /// <summary><c>GET /boards</c>: the signed-in user's boards by name.</summary>
        public static Task<IReadOnlyList<Suggestion>> BoardsAsync(PinterestAdsContext context, CancellationToken cancellationToken) =>
            PageAsync(context, ApiRequest.Get("boards", "list_boards"), item => new Suggestion(item.GetStringOrEmpty("id"), item.GetStringOrNull("name")), cancellationToken);

        /// <summary><c>GET /pins</c>: the signed-in user's pins by title (or description).</summary>
        public static Task<IReadOnlyList<Suggestion>> PinsAsync(PinterestAdsContext context, CancellationToken cancellationToken) =>
            PageAsync(context, ApiRequest.Get("pins", "list_pins"), item => new Suggestion(item.GetStringOrEmpty("id"), item.GetStringOrNull("title") ?? item.GetStringOrNull("description")), cancellationToken);

        /// <summary><c>GET /media</c>: uploaded media by type and processing status.</summary>
        public static Task<IReadOnlyList<Suggestion>> MediaAsync(PinterestAdsContext context, CancellationToken cancellationToken) =>
            PageAsync(context, ApiRequest.Get("media", "list_media"), item => new Suggestion(item.GetStringOrEmpty("media_id"), Describe(item.GetStringOrNull("media_type"), item.GetStringOrNull("status"))), cancellationToken);

        /// <summary>The variants of every experiment in an account (or one campaign), read from its ad groups' names.</summary>
        public static async Task<IReadOnlyList<VariantMark>> VariantsAsync(PinterestAdsContext context, PinterestId adAccountId, PinterestId? campaignId, CancellationToken cancellationToken)
        {
            var experiments = await ExperimentCatalog.ListAsync(context, adAccountId, campaignId, null, includeAds: false, SilentObserver.Instance, cancellationToken).ConfigureAwait(false);
            return experiments.SelectMany(e => e.Variants).Select(v => new VariantMark(v.Experiment, v.Variant, v.IsControl, v.Status)).ToArray();
        }

        private static async Task<IReadOnlyList<Suggestion>> PageAsync(PinterestAdsContext context, ApiRequest request, Func<JsonElement, Suggestion> read, CancellationToken cancellationToken)
        {
            var page = request.WithQuery("page_size", PageSize.ToString(CultureInfo.InvariantCulture));
            var response = await context.Pipeline.SendAsync(page, SilentObserver.Instance, cancellationToken).ConfigureAwait(false);
            return Paginator.ReadPage(response).Items.Select(read).Where(s => s.Value.Length > 0).ToArray();
        }

        private static string? Describe(string? type, string? status) =>
            type is null ? status : status is null ? type : type + ", " + status;
    }
}
