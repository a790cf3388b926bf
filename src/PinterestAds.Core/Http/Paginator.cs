using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
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
            this RequestPipeline pipeline,
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
                var response = await pipeline.SendAsync(pageRequest, observer, cancellationToken).ConfigureAwait(false);
                using var document = response.ParseJson();
                var root = document.RootElement;
                page++;
                if (root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
                {
                    observer.Verbose($"{request.DisplayPath}: page {page} with {items.GetArrayLength()} item(s).");
                    foreach (var item in items.EnumerateArray())
                    {
                        yield return item.Clone();
                    }
                }

                bookmark = root.TryGetProperty("bookmark", out var next) && next.ValueKind == JsonValueKind.String && next.GetString() is { Length: > 0 } value ? value : null;
            }
            while (bookmark != null);
        }
    }
}
