using System;
using System.Collections.Generic;
using PinterestAds.Testing.Http;
using PinterestAds.Testing.Json;
using PinterestAds.Testing.OAuth;

namespace PinterestAds.Testing.Routing
{
    /// <summary>Everything a handler needs about the request it serves.</summary>
    internal sealed class RequestContext
    {
        private readonly IReadOnlyDictionary<string, string> _routeValues;

        public RequestContext(HttpRequestData request, IReadOnlyDictionary<string, string> routeValues, DateTimeOffset now, AccessGrant? grant)
        {
            Request = request;
            _routeValues = routeValues;
            Now = now;
            Grant = grant;
            Query = new QueryParameters(request.QueryString);
        }

        public HttpRequestData Request { get; }

        public QueryParameters Query { get; }

        /// <summary>Server clock at arrival (the server clock can be advanced by tests).</summary>
        public DateTimeOffset Now { get; }

        public long NowSeconds => Now.ToUnixTimeSeconds();

        /// <summary>The bearer token's grant; null on anonymous routes.</summary>
        public AccessGrant? Grant { get; }

        public string Route(string name) =>
            _routeValues.TryGetValue(name, out string? value) ? value : throw new InvalidOperationException("No route value " + name);

        /// <summary>What an upload handler saw of a streamed multipart body, for the request log.</summary>
        public Uploads.UploadRecord? Upload { get; set; }

        /// <summary>Parses the body as JSON; malformed JSON is a 400 with code 1.</summary>
        public System.Text.Json.Nodes.JsonNode? JsonBody() => ApiJson.ParseBody(Request.BodyText);
    }
}
