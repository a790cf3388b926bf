using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace PinterestAds.Core.Http
{
    /// <summary>A fully buffered response: small JSON documents, so buffering keeps the rest simple.</summary>
    public sealed class ApiResponse
    {
        /// <summary>Header marking a result that was not sent now but replayed from the journal or reconciled.</summary>
        public const string ResultSourceHeader = "X-PinterestAds-Result-Source";

        /// <param name="request">The request this answers, named when its body cannot be read.</param>
        public ApiResponse(HttpStatusCode status, IReadOnlyDictionary<string, string> headers, byte[] body, ApiRequest? request = null)
        {
            Status = status;
            Headers = headers;
            Body = body;
            Request = request;
        }

        /// <summary>The request this answers; null for results that were not sent now.</summary>
        public ApiRequest? Request { get; }

        public HttpStatusCode Status { get; }

        public int StatusCode => (int)Status;

        public bool IsSuccess => StatusCode >= 200 && StatusCode < 300;

        /// <summary>Response headers, case-insensitive, multiple values joined with a comma.</summary>
        public IReadOnlyDictionary<string, string> Headers { get; }

        public byte[] Body { get; }

        public string? RequestId => Header("x-pinterest-rid");

        public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

        public string BodyText => Encoding.UTF8.GetString(Body);

        /// <summary>Parses the body; a body that is not JSON is the <c>invalidResponse</c> error, never a raw parser exception.</summary>
        public JsonDocument ParseJson() => TryParseJson(out string? problem) ?? throw Errors.InvalidResponse.Of(this, problem!);

        /// <summary>Parses the body, or returns null and why not (error bodies, which may be anything).</summary>
        public JsonDocument? TryParseJson(out string? problem)
        {
            problem = null;
            if (Body.Length == 0)
            {
                problem = "it is empty";
                return null;
            }

            try
            {
                return JsonDocument.Parse(Body);
            }
            catch (JsonException ex)
            {
                problem = "not JSON: " + ex.Message.Split('.')[0].Trim();
                return null;
            }
        }

        /// <summary>Parses the body and detaches the root from the document, for callers that keep it.</summary>
        public JsonElement Json()
        {
            using var document = ParseJson();
            return document.RootElement.Clone();
        }

        /// <summary>A result that was not sent now, marked with where it came from (<c>replayed</c>, <c>reconciled</c>).</summary>
        internal static ApiResponse NotSentNow(HttpStatusCode status, string source, byte[]? body) =>
            new ApiResponse(status, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [ResultSourceHeader] = source }, body ?? new byte[0]);

        /// <summary>The headers of a response and of its content, in one case-insensitive dictionary.</summary>
        internal static IReadOnlyDictionary<string, string> CollectHeaders(HttpResponseMessage response)
        {
            var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            Collect(response.Headers, result);
            Collect(response.Content.Headers, result);
            return result;
        }

        private static void Collect(HttpHeaders headers, Dictionary<string, string> into)
        {
            foreach (var header in headers)
            {
                // Most headers have one value: no joining for them (this runs on every answer).
                into[header.Key] = header.Value is IList<string> values && values.Count == 1 ? values[0] : string.Join(",", header.Value);
            }
        }
    }
}
