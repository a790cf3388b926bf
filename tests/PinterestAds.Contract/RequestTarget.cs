using System;
using System.Text.Json;

namespace PinterestAds.Contract
{
    /// <summary>
    /// Where a request goes in the spec's terms: the path relative to the server base path (<c>/v5</c>), which is
    /// what the path templates describe, and the whole query string.
    /// </summary>
    internal sealed class RequestTarget(string relativePath, string? query)
    {
        /// <summary>The path without base path, query or fragment, e.g. <c>/ad_accounts/1/campaigns</c>.</summary>
        public string RelativePath { get; } = relativePath;

        /// <summary>The query of the path (or URL) and the separate query joined with <c>&amp;</c>; null when neither has one.</summary>
        public string? Query { get; } = query;

        /// <summary>Splits an absolute URL, or a path that may carry a query string and a fragment.</summary>
        public static RequestTarget Parse(string path, string? query, string basePath)
        {
            string? pathQuery = null;
            if (TryGetHttpUri(path, out Uri? uri))
            {
                path = uri!.AbsolutePath;
                if (uri.Query.Length > 1) pathQuery = uri.Query.Substring(1);
            }
            else
            {
                int hash = path.IndexOf('#');
                if (hash >= 0) path = path.Substring(0, hash);
                int mark = path.IndexOf('?');
                if (mark >= 0)
                {
                    pathQuery = path.Substring(mark + 1);
                    path = path.Substring(0, mark);
                }
            }

            if (basePath.Length > 0 && (path == basePath || path.StartsWith(basePath + "/", StringComparison.Ordinal))) path = path.Substring(basePath.Length);
            string? extra = string.IsNullOrEmpty(query) ? null : query!.TrimStart('?');
            return new RequestTarget(path, extra == null ? pathQuery : pathQuery == null ? extra : pathQuery + "&" + extra);
        }

        /// <summary>The path of <c>servers[0].url</c> without a trailing slash (<c>/v5</c>); empty when there is none.</summary>
        public static string BasePathOf(JsonElement spec)
        {
            if (!spec.TryGetProperty("servers", out JsonElement servers) || servers.ValueKind != JsonValueKind.Array || servers.GetArrayLength() == 0) return string.Empty;
            if (!servers[0].TryGetProperty("url", out JsonElement url) || url.ValueKind != JsonValueKind.String) return string.Empty;
            string path = TryGetHttpUri(url.GetString()!, out Uri? absolute) ? absolute!.AbsolutePath : url.GetString()!;
            path = path.TrimEnd('/');
            return path.StartsWith("/", StringComparison.Ordinal) ? path : string.Empty;
        }

        private static bool TryGetHttpUri(string text, out Uri? uri)
            => Uri.TryCreate(text, UriKind.Absolute, out uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
    }
}
