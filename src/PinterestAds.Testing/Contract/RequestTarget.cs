using System;
using System.Text.Json;

namespace PinterestAds.Testing.Contract
{
    /// <summary>
    /// Where a request goes, in the spec's terms: the path relative to the server base path (<c>/v5</c>), which is
    /// what the spec's path templates describe, and the whole query string.
    /// </summary>
    internal sealed class RequestTarget(string relativePath, string? query)
    {
        /// <summary>The path without base path, query or fragment, e.g. <c>/ad_accounts/1/campaigns</c>.</summary>
        public string RelativePath { get; } = relativePath;

        /// <summary>The query of the path (or URL) and <c>query</c> joined with <c>&amp;</c>; null when neither has one.</summary>
        public string? Query { get; } = query;

        /// <summary>Splits an absolute URL or a path that may carry a query string and a fragment.</summary>
        public static RequestTarget Parse(string? path, string? query, string basePath)
        {
            string p = path ?? string.Empty;
            string? pathQuery = null;
            if (TryGetHttpUri(p, out Uri? uri))
            {
                p = uri!.AbsolutePath;
                if (uri.Query.Length > 1) pathQuery = uri.Query.Substring(1);
            }
            else
            {
                int hash = p.IndexOf('#');
                if (hash >= 0) p = p.Substring(0, hash);
                int q = p.IndexOf('?');
                if (q >= 0)
                {
                    pathQuery = p.Substring(q + 1);
                    p = p.Substring(0, q);
                }
            }

            if (basePath.Length > 0 && (p == basePath || p.StartsWith(basePath + "/", StringComparison.Ordinal)))
            {
                p = p.Substring(basePath.Length);
            }

            string? extra = string.IsNullOrEmpty(query) ? null : query!.TrimStart('?');
            return new RequestTarget(p, extra == null ? pathQuery : pathQuery == null ? extra : pathQuery + "&" + extra);
        }

        /// <summary>The path of <c>servers[0].url</c> without a trailing slash (<c>/v5</c>); empty when there is none.</summary>
        public static string BasePathOf(JsonElement root)
        {
            if (!root.TryGetArray("servers", out JsonElement servers) || servers.GetArrayLength() == 0) return string.Empty;
            if (!servers[0].TryGetString("url", out string url)) return string.Empty;
            string path = TryGetHttpUri(url, out Uri? absolute) ? absolute!.AbsolutePath : url;
            path = path.TrimEnd('/');
            return path.Length > 0 && path[0] == '/' ? path : string.Empty;
        }

        private static bool TryGetHttpUri(string text, out Uri? uri)
            => Uri.TryCreate(text, UriKind.Absolute, out uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
    }
}
