using System;
using System.Collections.Generic;

namespace PinterestAds.Testing.Logging
{
    /// <summary>One request the server received, with what it answered. Immutable snapshot.</summary>
    public sealed class RecordedRequest
    {
        internal RecordedRequest(
            long sequence,
            DateTimeOffset timestamp,
            string method,
            string path,
            string query,
            IReadOnlyDictionary<string, IReadOnlyList<string>> queryParameters,
            IReadOnlyDictionary<string, string> headers,
            string body,
            int? responseStatus,
            string? responseBody,
            string requestId,
            bool dropped,
            bool idempotentReplay,
            Uploads.UploadRecord? upload)
        {
            Upload = upload;
            Sequence = sequence;
            Timestamp = timestamp;
            Method = method;
            Path = path;
            Query = query;
            QueryParameters = queryParameters;
            Headers = headers;
            Body = body;
            ResponseStatus = responseStatus;
            ResponseBody = responseBody;
            RequestId = requestId;
            Dropped = dropped;
            IdempotentReplay = idempotentReplay;
        }

        /// <summary>Arrival order, starting at 1; never reused, not reset by <see cref="PinTestServer.ClearRequests"/>.</summary>
        public long Sequence { get; }

        /// <summary>Arrival time (UTC, real clock).</summary>
        public DateTimeOffset Timestamp { get; }

        public string Method { get; }

        /// <summary>Path without the query string, e.g. <c>/v5/ad_accounts</c>.</summary>
        public string Path { get; }

        /// <summary>Raw query string without the leading '?'; empty when none.</summary>
        public string Query { get; }

        /// <summary>Decoded query parameters; repeated keys keep every value.</summary>
        public IReadOnlyDictionary<string, IReadOnlyList<string>> QueryParameters { get; }

        /// <summary>Request headers, case-insensitive; repeated headers are joined with ", ".</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }

        /// <summary>Request body as UTF-8 text (form bodies included, so secrets appear here); empty for a streamed upload (see <see cref="Upload"/>).</summary>
        public string Body { get; }

        /// <summary>Status the server produced; null when the connection was dropped before processing.</summary>
        public int? ResponseStatus { get; }

        /// <summary>Response body the server produced (also when it was not delivered); null when none.</summary>
        public string? ResponseBody { get; }

        /// <summary>The <c>x-pinterest-rid</c> header value of the response.</summary>
        public string RequestId { get; }

        /// <summary>True when an injected fault closed the connection instead of sending the response.</summary>
        public bool Dropped { get; }

        /// <summary>True when the response was replayed from the Idempotency-Key store (no state change).</summary>
        public bool IdempotentReplay { get; }

        /// <summary>For a POST to the upload endpoint: the form fields in arrival order, the file's byte count and what it looked like; null otherwise.</summary>
        public Uploads.UploadRecord? Upload { get; }

        /// <summary>Header value or null.</summary>
        public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

        public override string ToString() => Sequence + " " + Method + " " + Path + (Query.Length > 0 ? "?" + Query : string.Empty) + " -> " + (Dropped ? "dropped" : ResponseStatus?.ToString() ?? "none");
    }
}
