using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using PinterestAds.Testing.Http;

namespace PinterestAds.Testing.Routing
{
    internal delegate HttpResponseData RouteHandler(RequestContext context);

    /// <summary>
    /// A handler that reads the request body as it arrives (<see cref="HttpRequestData.BodyStream"/>);
    /// it answers null to drop the connection instead of responding.
    /// </summary>
    internal delegate Task<HttpResponseData?> StreamingRouteHandler(RequestContext context);

    /// <summary>One method + path template, e.g. <c>GET /v5/ad_accounts/{ad_account_id}/campaigns</c>.</summary>
    internal sealed class Route
    {
        public Route(string method, string template, RouteSecurity security, RouteHandler? handler, StreamingRouteHandler? streamingHandler = null)
        {
            Method = method;
            Template = template;
            Security = security;
            Handler = handler;
            StreamingHandler = streamingHandler;
            Segments = Split(template);
            LiteralCount = Segments.Count(s => !IsParameter(s));
        }

        public string Method { get; }

        public string Template { get; }

        public RouteSecurity Security { get; }

        /// <summary>Null for a streaming route.</summary>
        public RouteHandler? Handler { get; }

        /// <summary>Set for routes whose request body is streamed rather than read whole.</summary>
        public StreamingRouteHandler? StreamingHandler { get; }

        public string[] Segments { get; }

        /// <summary>Literal segments win over parameters (…/campaigns/analytics beats …/campaigns/{id}).</summary>
        public int LiteralCount { get; }

        public static string[] Split(string path) => path.Trim('/').Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries);

        public static bool IsParameter(string segment) => segment.StartsWith("{", StringComparison.Ordinal) && segment.EndsWith("}", StringComparison.Ordinal);

        public bool TryMatch(string[] pathSegments, out Dictionary<string, string> values)
        {
            values = new Dictionary<string, string>(StringComparer.Ordinal);
            if (pathSegments.Length != Segments.Length)
            {
                return false;
            }

            for (int i = 0; i < Segments.Length; i++)
            {
                string segment = Segments[i];
                if (IsParameter(segment))
                {
                    values[segment.Substring(1, segment.Length - 2)] = Uri.UnescapeDataString(pathSegments[i]);
                }
                else if (!string.Equals(segment, pathSegments[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Result of resolving a request against the route table.</summary>
    internal sealed class RouteMatch
    {
        public RouteMatch(Route? route, Dictionary<string, string> values, IReadOnlyList<string> allowedMethods)
        {
            Route = route;
            Values = values;
            AllowedMethods = allowedMethods;
        }

        /// <summary>Null when nothing matched: 404 if <see cref="AllowedMethods"/> is empty, else 405.</summary>
        public Route? Route { get; }

        public Dictionary<string, string> Values { get; }

        public IReadOnlyList<string> AllowedMethods { get; }
    }

    /// <summary>
    /// The route table. Endpoint modules add routes at construction; later features (media,
    /// pins, analytics) plug in as further modules without touching the router.
    /// </summary>
    internal sealed class Router
    {
        private readonly List<Route> _routes = new List<Route>();

        public void Map(string method, string template, RouteSecurity security, RouteHandler handler)
        {
            lock (_routes)
            {
                _routes.Add(new Route(method, template, security, handler));
            }
        }

        /// <summary>A route whose body the handler reads as a stream (uploads).</summary>
        public void MapStreaming(string method, string template, RouteSecurity security, StreamingRouteHandler handler)
        {
            lock (_routes)
            {
                _routes.Add(new Route(method, template, security, null, handler));
            }
        }

        /// <summary>True when the request resolves to a streaming route (asked before its body is read).</summary>
        public bool StreamsBody(string method, string path) => Resolve(method, path).Route?.StreamingHandler != null;

        public RouteMatch Resolve(string method, string path)
        {
            string[] segments = Route.Split(path);
            Route[] routes;
            lock (_routes)
            {
                routes = _routes.ToArray();
            }

            Route? best = null;
            Dictionary<string, string>? bestValues = null;
            var allowed = new List<string>();
            int bestShapeScore = -1;
            foreach (Route route in routes)
            {
                if (!route.TryMatch(segments, out var values))
                {
                    continue;
                }

                // Only the most specific path shape counts for 405's Allow list.
                if (route.LiteralCount > bestShapeScore)
                {
                    bestShapeScore = route.LiteralCount;
                    allowed.Clear();
                    best = null;
                    bestValues = null;
                }
                else if (route.LiteralCount < bestShapeScore)
                {
                    continue;
                }

                allowed.Add(route.Method);
                if (best == null && string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase))
                {
                    best = route;
                    bestValues = values;
                }
            }

            return new RouteMatch(best, bestValues ?? new Dictionary<string, string>(), allowed);
        }
    }
}
