using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using PinterestAds.Testing.Http;

namespace PinterestAds.Testing.Logging
{
    /// <summary>
    /// Thread-safe record of every request, faulted ones included. Entries are added before
    /// the response is written, so a client that has its response can already see the entry.
    /// </summary>
    internal sealed class RequestLog
    {
        private readonly object _sync = new object();
        private readonly LinkedList<RecordedRequest> _entries = new LinkedList<RecordedRequest>();
        private long _sequence;
        private int _capacity = 200_000;

        /// <summary>Oldest entries are discarded past this count so long benchmarks do not grow without bound.</summary>
        public int Capacity
        {
            get { lock (_sync) { return _capacity; } }
            set
            {
                if (value < 1)
                {
                    throw new ArgumentOutOfRangeException(nameof(value));
                }

                lock (_sync)
                {
                    _capacity = value;
                    Trim();
                }
            }
        }

        public long NextSequence() => Interlocked.Increment(ref _sequence);

        public RecordedRequest Add(long sequence, DateTimeOffset timestamp, HttpRequestData request, HttpResponseData? response, string requestId, bool dropped, bool replay, Uploads.UploadRecord? upload = null)
        {
            var query = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            foreach (var pair in QueryString.Parse(request.QueryString))
            {
                query[pair.Key] = pair.Value.ToArray();
            }

            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in request.Headers)
            {
                headers[header.Key] = headers.TryGetValue(header.Key, out string? existing) ? existing + ", " + header.Value : header.Value;
            }

            var entry = new RecordedRequest(
                sequence,
                timestamp,
                request.Method,
                request.Path,
                request.QueryString,
                query,
                headers,
                request.BodyText,
                response?.Status,
                response == null || response.Body.Length == 0 ? null : response.BodyText,
                requestId,
                dropped,
                replay,
                upload);

            lock (_sync)
            {
                // Keep sequence order even when a slow request finishes after a fast one.
                var node = _entries.Last;
                while (node != null && node.Value.Sequence > sequence)
                {
                    node = node.Previous;
                }

                if (node == null)
                {
                    _entries.AddFirst(entry);
                }
                else
                {
                    _entries.AddAfter(node, entry);
                }

                Trim();
            }

            return entry;
        }

        public IReadOnlyList<RecordedRequest> Snapshot()
        {
            lock (_sync)
            {
                return _entries.ToArray();
            }
        }

        public void Clear()
        {
            lock (_sync)
            {
                _entries.Clear();
            }
        }

        /// <summary>
        /// Entries for a method ("*" or null = any) whose path starts with the prefix, or
        /// matches the regex when the pattern starts with '^'. A prefix without the
        /// <c>/v5</c> base path also matches (<c>/ad_accounts</c> finds <c>/v5/ad_accounts</c>).
        /// </summary>
        public IReadOnlyList<RecordedRequest> Find(string? method, string pathPrefixOrRegex)
        {
            Func<string, bool> matches;
            if (pathPrefixOrRegex.StartsWith("^", StringComparison.Ordinal))
            {
                var regex = new Regex(pathPrefixOrRegex, RegexOptions.CultureInvariant);
                matches = regex.IsMatch;
            }
            else
            {
                matches = path => path.StartsWith(pathPrefixOrRegex, StringComparison.Ordinal)
                    || path.StartsWith("/v5" + pathPrefixOrRegex, StringComparison.Ordinal);
            }

            bool anyMethod = string.IsNullOrEmpty(method) || method == "*";
            return Snapshot().Where(r => (anyMethod || string.Equals(r.Method, method, StringComparison.OrdinalIgnoreCase)) && matches(r.Path)).ToArray();
        }

        private void Trim()
        {
            while (_entries.Count > _capacity)
            {
                _entries.RemoveFirst();
            }
        }
    }
}
