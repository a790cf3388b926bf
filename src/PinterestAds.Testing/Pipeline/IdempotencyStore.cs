using System;
using System.Collections.Concurrent;
using System.Threading;
using PinterestAds.Testing.Http;
using PinterestAds.Testing.Json;

namespace PinterestAds.Testing.Pipeline
{
    /// <summary>
    /// Behaves like an idempotency proxy in front of the API: the first completed response per
    /// <c>Idempotency-Key</c> is stored and replayed for repeats of the same request; the same
    /// key on a different request is a 422. Requests with the same key run one at a time.
    /// </summary>
    internal sealed class IdempotencyStore
    {
        public const string ReplayHeader = "Idempotent-Replayed";

        private readonly ConcurrentDictionary<string, Entry> _entries = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);

        public int Count => _entries.Count;

        public void Clear() => _entries.Clear();

        /// <param name="key">The Idempotency-Key header value.</param>
        /// <param name="fingerprint">Method, path, query and body: what "the same request" means.</param>
        /// <param name="execute">Runs the request for real.</param>
        /// <param name="replayed">True when the stored response was returned.</param>
        public HttpResponseData Execute(string key, string fingerprint, Func<HttpResponseData> execute, out bool replayed)
        {
            replayed = false;
            Entry entry = _entries.GetOrAdd(key, _ => new Entry());
            entry.Gate.Wait();
            try
            {
                if (entry.Response != null)
                {
                    if (!string.Equals(entry.Fingerprint, fingerprint, StringComparison.Ordinal))
                    {
                        return ApiResults.Error(422, 1, "Idempotency-Key reused with a different request");
                    }

                    replayed = true;
                    return entry.Response.WithHeader(ReplayHeader, "true");
                }

                HttpResponseData response = execute();
                // A 5xx is not a completed outcome: let the retry run for real.
                if (response.Status < 500)
                {
                    entry.Fingerprint = fingerprint;
                    entry.Response = response;
                }

                return response;
            }
            finally
            {
                entry.Gate.Release();
            }
        }

        private sealed class Entry
        {
            public SemaphoreSlim Gate { get; } = new SemaphoreSlim(1, 1);

            public string? Fingerprint { get; set; }

            public HttpResponseData? Response { get; set; }
        }
    }
}
