using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using PinterestAds.Core.Json;

namespace PinterestAds.Core.Http
{
    /// <summary>
    /// One logical call to Pinterest. It is immutable and keeps its body as bytes, so every
    /// attempt can rebuild a fresh HttpRequestMessage (.NET Framework disposes content after
    /// sending, and a retried write must carry exactly the same bytes).
    /// </summary>
    public sealed class ApiRequest
    {
        private ApiRequest(HttpMethod method, string path, string operation)
        {
            Method = method;
            Path = path;
            Operation = operation;
        }

        public HttpMethod Method { get; }

        /// <summary>Path below the base URI, already escaped, e.g. <c>ad_accounts/1/campaigns</c>.</summary>
        public string Path { get; }

        /// <summary>Pinterest's operation name (e.g. <c>create_campaign</c>); used in messages.</summary>
        public string Operation { get; }

        public IReadOnlyList<KeyValuePair<string, string>> Query { get; private set; } = Array.Empty<KeyValuePair<string, string>>();

        public byte[]? Body { get; private set; }

        public string? ContentType { get; private set; }

        /// <summary>
        /// What makes two sends "the same request" for an idempotency key when the body holds
        /// something made on the way (the media id of a video uploaded for this pin); null: the body.
        /// </summary>
        public byte[]? Identity { get; private set; }

        /// <summary>The ad account the request spends budget of; null for app-level calls.</summary>
        public string? AdAccountId { get; private set; }

        /// <summary>Sent as <c>Idempotency-Key</c>; the same on every attempt of one logical write.</summary>
        public string? IdempotencyKey { get; private set; }

        public bool IsWrite => Method != HttpMethod.Get && Method != HttpMethod.Head;

        /// <summary>The path as users see it in messages: <c>/ad_accounts</c>.</summary>
        public string DisplayPath => "/" + Path;

        public static ApiRequest Get(string path, string operation) => new ApiRequest(HttpMethod.Get, path, operation);

        public static ApiRequest Post(string path, string operation) => new ApiRequest(HttpMethod.Post, path, operation);

        public static ApiRequest Patch(string path, string operation) => new ApiRequest(new HttpMethod("PATCH"), path, operation);

        public static ApiRequest Delete(string path, string operation) => new ApiRequest(HttpMethod.Delete, path, operation);

        /// <summary>The first value of query parameter <paramref name="name"/>; null when it is not set.</summary>
        public string? QueryValue(string name) => Query.Where(p => p.Key == name).Select(p => p.Value).FirstOrDefault();

        public ApiRequest WithQuery(string name, string? value)
        {
            if (value is null)
            {
                return this;
            }

            var copy = Clone();
            copy.Query = Query.Where(p => p.Key != name).Append(new KeyValuePair<string, string>(name, value)).ToArray();
            return copy;
        }

        /// <summary>
        /// Sets an array parameter as repeated keys (<c>campaign_ids=1&amp;campaign_ids=2</c>): the
        /// spec leaves these at OpenAPI's default style, form with explode.
        /// </summary>
        public ApiRequest WithQueryValues(string name, IEnumerable<string>? values)
        {
            var list = values?.ToArray() ?? Array.Empty<string>();
            if (list.Length == 0)
            {
                return this;
            }

            var copy = Clone();
            copy.Query = Query.Where(p => p.Key != name).Concat(list.Select(v => new KeyValuePair<string, string>(name, v))).ToArray();
            return copy;
        }

        public ApiRequest WithJsonBody<T>(T body)
        {
            var copy = Clone();
            copy.Body = JsonSerializer.SerializeToUtf8Bytes(body, PinterestJson.Options);
            copy.ContentType = "application/json";
            return copy;
        }

        /// <param name="identity">Stands for the body in <see cref="Idempotency.RequestFingerprint"/>; see <see cref="Identity"/>.</param>
        public ApiRequest WithIdentity<T>(T identity)
        {
            var copy = Clone();
            copy.Identity = JsonSerializer.SerializeToUtf8Bytes(identity, PinterestJson.Options);
            return copy;
        }

        public ApiRequest WithFormBody(IEnumerable<KeyValuePair<string, string>> fields)
        {
            var copy = Clone();
            copy.Body = Encoding.UTF8.GetBytes(string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value))));
            copy.ContentType = "application/x-www-form-urlencoded";
            return copy;
        }

        public ApiRequest ForAdAccount(string? adAccountId)
        {
            var copy = Clone();
            copy.AdAccountId = adAccountId;
            return copy;
        }

        /// <param name="key">Null leaves the key to the write coordinator, which generates one per logical write.</param>
        public ApiRequest WithIdempotencyKey(string? key)
        {
            var copy = Clone();
            copy.IdempotencyKey = key;
            return copy;
        }

        public string RelativeUri()
        {
            if (Query.Count == 0)
            {
                return Path;
            }

            return Path + "?" + string.Join("&", Query.Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        }

        private ApiRequest Clone() => (ApiRequest)MemberwiseClone();
    }
}
