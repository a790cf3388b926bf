using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using PinterestAds.Testing.Json;
using PinterestAds.Testing.Routing;

namespace PinterestAds.Testing.Ads
{
    /// <summary>
    /// <c>page_size</c> (1-250, default 25) and opaque <c>bookmark</c> cursors. A bookmark holds
    /// the last id served, so pages stay stable while items are added.
    /// </summary>
    internal static class Paging
    {
        public const int DefaultPageSize = 25;
        public const int MaxPageSize = 250;

        public static int PageSize(QueryParameters query)
        {
            string? raw = query.First("page_size");
            if (raw == null)
            {
                return DefaultPageSize;
            }

            if (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out int size))
            {
                throw new ApiErrorException(400, 1, "Parameter 'page_size' was not numeric (was " + raw + ")");
            }

            if (size < 1 || size > MaxPageSize)
            {
                throw new ApiErrorException(400, 1, "Invalid parameter 'page_size': " + size + " is not between 1 and " + MaxPageSize + ".");
            }

            return size;
        }

        /// <summary>The id after which the page starts, or null for the first page.</summary>
        public static long? After(QueryParameters query)
        {
            string? bookmark = query.First("bookmark");
            if (string.IsNullOrEmpty(bookmark))
            {
                return null;
            }

            try
            {
                string padded = bookmark!.Replace('-', '+').Replace('_', '/');
                padded = padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '=');
                string text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
                if (text.StartsWith("after:", StringComparison.Ordinal)
                    && long.TryParse(text.Substring(6), NumberStyles.None, CultureInfo.InvariantCulture, out long id))
                {
                    return id;
                }
            }
            catch (FormatException)
            {
                // fall through to the error below
            }

            throw new ApiErrorException(400, 1, "Invalid parameter 'bookmark': not a bookmark returned by this API.");
        }

        public static string Bookmark(long lastId) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes("after:" + lastId.ToString(CultureInfo.InvariantCulture)))
                .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        /// <summary>
        /// One page of <paramref name="items"/> (in id order) after the request's bookmark, sized by
        /// its page_size, in the spec's paged shape.
        /// </summary>
        public static JsonObject PageOf<T>(QueryParameters query, IEnumerable<T> items, Func<T, long> id, Func<T, JsonNode> render)
        {
            int pageSize = PageSize(query);
            long? after = After(query);
            var page = new JsonArray();
            long lastId = 0;
            foreach (T item in items)
            {
                long itemId = id(item);
                if (after.HasValue && itemId <= after.Value)
                {
                    continue;
                }

                if (page.Count == pageSize)
                {
                    return Page(page, lastId);
                }

                page.Add(render(item));
                lastId = itemId;
            }

            return Page(page, null);
        }

        /// <summary>The spec's paged shape: <c>{"items": [...], "bookmark": "..."|null}</c>.</summary>
        public static JsonObject Page(JsonArray items, long? lastIdWhenMore) => new JsonObject
        {
            ["items"] = items,
            ["bookmark"] = lastIdWhenMore.HasValue ? Bookmark(lastIdWhenMore.Value) : null,
        };
    }
}
