using System;
using System.Collections.Generic;
using System.Text;

namespace PinterestAds.Testing.Faults
{
    /// <summary>
    /// One injected fault: which requests it matches (method + path) and how many more times it
    /// fires. Configure it fluently: <c>server.Faults.When("POST", "/ad_accounts/*/campaigns").RespondWith(503).Repeat(2)</c>.
    /// </summary>
    public sealed class FaultRule
    {
        private readonly object _sync;
        private readonly PathMatcher _matcher;
        private int _times = 1;
        private int _hits;
        private FaultAction _action;
        private TimeSpan _latency;
        private int _status;
        private string? _body;
        private IReadOnlyList<KeyValuePair<string, string>> _headers = new KeyValuePair<string, string>[0];

        internal FaultRule(object sync, string method, string path)
        {
            _sync = sync;
            Method = string.IsNullOrEmpty(method) ? "*" : method.ToUpperInvariant();
            _matcher = new PathMatcher(path);
        }

        /// <summary>HTTP method matched, or "*" for any.</summary>
        public string Method { get; }

        /// <summary>The path pattern: exact (with '*' segments) or a regex starting with '^'.</summary>
        public string Path => _matcher.Pattern;

        /// <summary>How many more requests this rule fires for (default 1). Set <see cref="int.MaxValue"/> for "always".</summary>
        public int Times
        {
            get { lock (_sync) { return _times; } }
            set { lock (_sync) { _times = value; } }
        }

        /// <summary>How many requests this rule has fired for so far.</summary>
        public int Hits
        {
            get { lock (_sync) { return _hits; } }
        }

        public FaultAction Action
        {
            get { lock (_sync) { return _action; } }
        }

        /// <summary>Delay applied before the request is answered (or dropped).</summary>
        public TimeSpan Latency
        {
            get { lock (_sync) { return _latency; } }
        }

        /// <summary>Status for <see cref="FaultAction.Respond"/>.</summary>
        public int Status
        {
            get { lock (_sync) { return _status; } }
        }

        /// <summary>
        /// Answer with this status instead of processing. Without a body a Pinterest-like
        /// <c>{code, message}</c> body is used (429 → code 8, 5xx → code 12, 401 → code 2, 403 → code 3).
        /// </summary>
        public FaultRule RespondWith(int status, string? bodyJson = null, IDictionary<string, string>? headers = null)
        {
            if (status < 100 || status > 599)
            {
                throw new ArgumentOutOfRangeException(nameof(status));
            }

            var list = new List<KeyValuePair<string, string>>();
            if (headers != null)
            {
                list.AddRange(headers);
            }

            lock (_sync)
            {
                _action = FaultAction.Respond;
                _status = status;
                _body = bodyJson;
                _headers = list;
            }

            return this;
        }

        /// <summary>
        /// Process the request fully (a create commits), then answer with this status and body
        /// instead of the real answer: an empty or cut-off 200 models a malformed success.
        /// </summary>
        public FaultRule CommitThenRespondWith(int status, string body, IDictionary<string, string>? headers = null)
        {
            RespondWith(status, body ?? throw new ArgumentNullException(nameof(body)), headers);
            return SetAction(FaultAction.CommitThenRespond);
        }

        /// <summary>Wait this long before answering (combine with any action; alone the request is processed normally).</summary>
        public FaultRule Delay(TimeSpan latency)
        {
            if (latency < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(latency));
            }

            lock (_sync)
            {
                _latency = latency;
            }

            return this;
        }

        /// <summary>Process the request fully, then close the connection without a response.</summary>
        public FaultRule DropConnectionAfterCommit() => SetAction(FaultAction.DropAfterCommit);

        /// <summary>Close the connection without processing the request.</summary>
        public FaultRule DropConnectionBeforeProcessing() => SetAction(FaultAction.DropBeforeProcessing);

        /// <summary>Fire for this many requests (replaces the remaining count).</summary>
        public FaultRule Repeat(int times)
        {
            Times = times;
            return this;
        }

        public override string ToString() => Method + " " + Path + " " + Action + (Action == FaultAction.Respond || Action == FaultAction.CommitThenRespond ? " " + Status : string.Empty) + " x" + Times;

        /// <summary>Consumes one firing if the rule matches and has firings left. Caller holds the injector lock.</summary>
        internal FaultDecision? TryFire(string method, string path)
        {
            if (_times <= 0 || (Method != "*" && !string.Equals(Method, method, StringComparison.OrdinalIgnoreCase)) || !_matcher.IsMatch(path))
            {
                return null;
            }

            if (_times != int.MaxValue)
            {
                _times--;
            }

            _hits++;
            return new FaultDecision(_action, _latency, _status, _body, _headers);
        }

        private FaultRule SetAction(FaultAction action)
        {
            lock (_sync)
            {
                _action = action;
            }

            return this;
        }
    }

    /// <summary>A fired rule's settings, copied under the lock so later edits cannot tear it.</summary>
    internal sealed class FaultDecision
    {
        public FaultDecision(FaultAction action, TimeSpan latency, int status, string? body, IReadOnlyList<KeyValuePair<string, string>> headers)
        {
            Action = action;
            Latency = latency;
            Status = status;
            Body = body;
            Headers = headers;
        }

        public FaultAction Action { get; }

        public TimeSpan Latency { get; }

        public int Status { get; }

        public string? Body { get; }

        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

        public Http.HttpResponseData BuildResponse()
        {
            string body = Body ?? DefaultBody(Status);
            return new Http.HttpResponseData(Status, Json.ApiResults.JsonContentType, Encoding.UTF8.GetBytes(body), Headers);
        }

        private static string DefaultBody(int status)
        {
            switch (status)
            {
                case 401: return "{\"code\":2,\"message\":\"Authentication failed.\"}";
                case 403: return "{\"code\":3,\"message\":\"Your token does not have sufficient permissions to perform this operation.\"}";
                case 404: return "{\"code\":404,\"message\":\"Not found.\"}";
                case 429: return "{\"code\":8,\"message\":\"This request exceeded a rate limit. This can happen if the client exceeds one of the published rate limits within a short time window.\"}";
                default:
                    return status >= 500
                        ? "{\"code\":12,\"message\":\"Something went wrong on our end. Sorry about that.\"}"
                        : "{\"code\":" + status + ",\"message\":\"Injected fault.\"}";
            }
        }
    }
}
