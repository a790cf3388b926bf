using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;

namespace PinterestAds.Core.Http
{
    /// <summary>
    /// Follows Pinterest's <c>bookmark</c> cursor and yields items as each page arrives, so a
    /// pipeline sees the first objects long before the last page is fetched.
    /// </summary>
    public static class Paginator
    {
        /// <summary>The largest page Pinterest serves; <c>-All</c> always uses it.</summary>
        public const int MaxPageSize = 250;

        public static async IAsyncEnumerable<JsonElement> ListAsync(
            this IApiReader reader,
            ApiRequest request,
            int pageSize,
            ICallObserver observer,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            string? bookmark = null;
            int page = 0;
            do
            {
                var pageRequest = request
                    .WithQuery("page_size", pageSize.ToString(CultureInfo.InvariantCulture))
                    .WithQuery("bookmark", bookmark);
                var response = await reader.ReadAsync(pageRequest, observer, cancellationToken).ConfigureAwait(false);
                var (items, next) = ReadPage(response);
                observer.Verbose($"{request.DisplayPath}: page {++page} with {items.Length} item(s).");
                foreach (var item in items)
                {
                    yield return item;
                }

                bookmark = next;
            }
            while (bookmark != null);
        }

        /// <summary>
        /// What a Get- cmdlet lists: every page (<paramref name="allPages"/>), or only the first one
        /// and a warning naming <paramref name="plural"/> ("campaigns", "boards") when more exist.
        /// </summary>
        public static async IAsyncEnumerable<JsonElement> ListAsync(
            this IApiReader reader,
            ApiRequest request,
            int pageSize,
            bool allPages,
            string plural,
            ICallObserver observer,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            if (allPages)
            {
                await foreach (var item in reader.ListAsync(request, pageSize, observer, cancellationToken).ConfigureAwait(false))
                {
                    yield return item;
                }

                yield break;
            }

            var page = request.WithQuery("page_size", pageSize.ToString(CultureInfo.InvariantCulture));
            var (items, bookmark) = ReadPage(await reader.ReadAsync(page, observer, cancellationToken).ConfigureAwait(false));
            foreach (var item in items)
            {
                yield return item;
            }

            if (bookmark != null)
            {
                observer.Warning($"More {plural} exist than this page of {pageSize} shows; use -All, -First or a larger -PageSize to get them.");
            }
        }

        /// <summary>
        /// One page of Pinterest's list shape <c>{"items": […], "bookmark": "…"}</c>: its items
        /// (detached from the document) and the cursor of the next page, null on the last one.
        /// </summary>
        internal static (JsonElement[] Items, string? Bookmark) ReadPage(ApiResponse response)
        {
            using var document = response.ParseJson();
            var root = document.RootElement;
            var items = root.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Select(item => item.Clone()).ToArray()
                : Array.Empty<JsonElement>();
            string? bookmark = root.TryGetProperty("bookmark", out var next) && next.ValueKind == JsonValueKind.String && next.GetString() is { Length: > 0 } value ? value : null;
            return (items, bookmark);
        }
    }
}
