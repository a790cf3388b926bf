using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PinterestAds.Testing.Contract
{
    /// <summary>The spec's path templates, matched against request paths.</summary>
    internal sealed class RouteTable
    {
        private readonly List<Route> _routes = new List<Route>();

        /// <param name="paths">The spec's <c>paths</c> object.</param>
        public RouteTable(JsonElement paths)
        {
            foreach (JsonProperty path in paths.EnumerateObject())
            {
                _routes.Add(new Route(path.Name, path.Value));
            }
        }

        public IReadOnlyList<string> Templates => _routes.Select(r => r.Template).ToList();

        /// <summary>
        /// The route whose template matches <paramref name="relativePath"/> (segments compared after percent-decoding;
        /// a template segment matches any non-empty value). Literal segments beat template segments, leftmost first.
        /// <paramref name="values"/> gets the decoded path parameter values by name.
        /// </summary>
        public Route? Match(string relativePath, out Dictionary<string, string> values)
        {
            values = new Dictionary<string, string>(StringComparer.Ordinal);
            if (relativePath.Length == 0 || relativePath[0] != '/') return null;
            string[] segments = relativePath.Substring(1).Split('/').Select(Uri.UnescapeDataString).ToArray();
            Route? best = null;
            foreach (Route route in _routes)
            {
                if (route.Matches(segments) && (best == null || route.MoreSpecificThan(best))) best = route;
            }

            if (best != null)
            {
                for (int i = 0; i < segments.Length; i++)
                {
                    string? name = best.ParamNames[i];
                    if (name != null) values[name] = segments[i];
                }
            }

            return best;
        }
    }

    /// <summary>One path template of the spec and its path item (the operations by method).</summary>
    internal sealed class Route
    {
        private static readonly string[] HttpMethods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

        public Route(string template, JsonElement pathItem)
        {
            Template = template;
            PathItem = pathItem;
            Segments = template.TrimStart('/').Split('/');
            ParamNames = Segments.Select(s => s.Length > 2 && s[0] == '{' && s[s.Length - 1] == '}' ? s.Substring(1, s.Length - 2) : null).ToArray();
        }

        public string Template { get; }

        public JsonElement PathItem { get; }

        public string[] Segments { get; }

        /// <summary>Per segment: the parameter name of a <c>{name}</c> segment, null for a literal one.</summary>
        public string?[] ParamNames { get; }

        /// <summary>The upper-case methods the path item defines, for "not defined" messages.</summary>
        public IEnumerable<string> DefinedMethods => HttpMethods.Where(m => PathItem.TryGetProperty(m, out _)).Select(m => m.ToUpperInvariant());

        public bool Matches(string[] decodedSegments)
        {
            if (Segments.Length != decodedSegments.Length) return false;
            for (int i = 0; i < decodedSegments.Length; i++)
            {
                bool ok = ParamNames[i] != null ? decodedSegments[i].Length > 0 : string.Equals(Segments[i], decodedSegments[i], StringComparison.Ordinal);
                if (!ok) return false;
            }

            return true;
        }

        /// <summary>Literal segments beat template segments; the leftmost difference decides.</summary>
        public bool MoreSpecificThan(Route other)
        {
            for (int i = 0; i < Segments.Length && i < other.Segments.Length; i++)
            {
                bool mineLiteral = ParamNames[i] == null;
                bool theirsLiteral = other.ParamNames[i] == null;
                if (mineLiteral != theirsLiteral) return mineLiteral;
            }

            return false;
        }
    }
}
