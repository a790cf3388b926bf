using System;
using System.Collections.Generic;
using System.Text;

namespace PinterestAds.Testing.Http
{
    /// <summary>One parsed HTTP/1.1 request as it came off the wire.</summary>
    internal sealed class HttpRequestData
    {
        public HttpRequestData(string method, string target, string version, IReadOnlyList<KeyValuePair<string, string>> headers, byte[] body, RequestBodyStream? bodyStream = null)
        {
            BodyStream = bodyStream;
            Method = method;
            Target = target;
            Version = version;
            Headers = headers;
            Body = body;
            int q = target.IndexOf('?');
            Path = q < 0 ? target : target.Substring(0, q);
            QueryString = q < 0 ? string.Empty : target.Substring(q + 1);
            BodyText = body.Length == 0 ? string.Empty : Encoding.UTF8.GetString(body);
        }

        public string Method { get; }

        /// <summary>The raw request target (path and query).</summary>
        public string Target { get; }

        public string Version { get; }

        /// <summary>Path without the query string, not percent-decoded (ids and literals never need it).</summary>
        public string Path { get; }

        /// <summary>Raw query string without the leading '?'.</summary>
        public string QueryString { get; }

        /// <summary>Headers in arrival order; duplicates are kept.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

        /// <summary>The whole body; empty when the route streams it (see <see cref="BodyStream"/>).</summary>
        public byte[] Body { get; }

        /// <summary>The body as it arrives, for routes that stream it; null when <see cref="Body"/> holds it.</summary>
        public RequestBodyStream? BodyStream { get; }

        public string BodyText { get; }

        /// <summary>HTTP/1.1 keeps the connection unless told otherwise; HTTP/1.0 closes unless asked to keep it.</summary>
        public bool KeepAlive
        {
            get
            {
                string? connection = GetHeader("Connection");
                if (connection != null && connection.IndexOf("close", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return false;
                }

                if (string.Equals(Version, "HTTP/1.0", StringComparison.OrdinalIgnoreCase))
                {
                    return connection != null && connection.IndexOf("keep-alive", StringComparison.OrdinalIgnoreCase) >= 0;
                }

                return true;
            }
        }

        /// <summary>First value of a header (case-insensitive), or null.</summary>
        public string? GetHeader(string name)
        {
            foreach (var header in Headers)
            {
                if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return header.Value;
                }
            }

            return null;
        }
    }
}
