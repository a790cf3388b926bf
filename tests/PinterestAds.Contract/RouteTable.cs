using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PinterestAds.Contract
{
    /// <summary>
    /// The spec's path templates, matched against request paths as OpenAPI's path templating says: segment by segment,
    /// a <c>{name}</c> segment taking any non-empty value, and literal segments winning over template ones
    /// (<c>/pins/analytics</c> before <c>/pins/{pin_id}</c>). Written here because the one maintained matcher with
    /// that precedence, ASP.NET Core's, lives in a shared framework the tests' pwsh does not load.
    /// </summary>
    internal sealed class RouteTable
    {
        private readonly List<Route> _routes;

        /// <param name="paths">The spec's <c>paths</c> object.</param>
        public RouteTable(JsonElement paths) => _routes = paths.EnumerateObject().Select(p => new Route(p.Name, p.Value)).ToList();

        public IReadOnlyList<string> Templates => _routes.Select(r => r.Template).ToList();

        /// <summary>
        /// The most specific route for <paramref name="relativePath"/> (segments compared percent-decoded; leftmost
        /// difference decides), with its path parameters' decoded values; null when none matches.
        /// </summary>
        public Route? Match(string relativePath, out Dictionary<string, string> values)
        {
            values = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!relativePath.StartsWith("/", StringComparison.Ordinal)) return null;
            string[] segments = relativePath.Substring(1).Split('/').Select(Uri.UnescapeDataString).ToArray();
            Route? best = null;
            foreach (Route route in _routes.Where(r => r.Matches(segments)))
            {
                if (best == null || route.IsMoreSpecificThan(best)) best = route;
            }

            if (best == null) return null;
            for (int i = 0; i < segments.Length; i++)
            {
                if (best.ParameterNames[i] is string name) values[name] = segments[i];
            }

            return best;
        }
    }

    /// <summary>One path template and its path item (the operations by method).</summary>
    internal sealed class Route
    {
        private static readonly string[] HttpMethods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

        public Route(string template, JsonElement pathItem)
        {
            Template = template;
            PathItem = pathItem;
            Segments = template.TrimStart('/').Split('/');
            ParameterNames = Segments.Select(s => s.Length > 2 && s.StartsWith("{", StringComparison.Ordinal) && s.EndsWith("}", StringComparison.Ordinal) ? s.Substring(1, s.Length - 2) : null).ToArray();
        }

        public string Template { get; }

        public JsonElement PathItem { get; }

        /// <summary>Per segment: the parameter name of a <c>{name}</c> segment, null for a literal one.</summary>
        public string?[] ParameterNames { get; }

        /// <summary>The upper-case methods the path item defines.</summary>
        public IEnumerable<string> DefinedMethods => HttpMethods.Where(m => PathItem.TryGetProperty(m, out _)).Select(m => m.ToUpperInvariant());

        private string[] Segments { get; }

        public bool Matches(string[] decodedSegments)
            => Segments.Length == decodedSegments.Length
               && decodedSegments.Select((segment, i) => ParameterNames[i] != null ? segment.Length > 0 : segment == Segments[i]).All(ok => ok);

        public bool IsMoreSpecificThan(Route other)
        {
            for (int i = 0; i < Segments.Length && i < other.Segments.Length; i++)
            {
                bool mineLiteral = ParameterNames[i] == null;
                if (mineLiteral != (other.ParameterNames[i] == null)) return mineLiteral;
            }

            return false;
        }
    }
}
