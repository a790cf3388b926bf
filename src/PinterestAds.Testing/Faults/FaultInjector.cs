using System;
using System.Collections.Generic;
using System.Globalization;

namespace PinterestAds.Testing.Faults
{
    /// <summary>
    /// Ordered list of fault rules (<see cref="PinTestServer.Faults"/>). The first rule that
    /// matches a request and has firings left fires once. Thread-safe.
    /// </summary>
    public sealed class FaultInjector
    {
        private readonly object _sync = new object();
        private readonly List<FaultRule> _rules = new List<FaultRule>();

        /// <summary>A snapshot of the rules, exhausted ones included (their <see cref="FaultRule.Hits"/> stay readable).</summary>
        public IReadOnlyList<FaultRule> Rules
        {
            get { lock (_sync) { return _rules.ToArray(); } }
        }

        /// <summary>Rules with firings left.</summary>
        public int PendingCount
        {
            get
            {
                lock (_sync)
                {
                    int count = 0;
                    foreach (var rule in _rules)
                    {
                        if (rule.Times > 0)
                        {
                            count++;
                        }
                    }

                    return count;
                }
            }
        }

        /// <summary>
        /// Adds a rule for <paramref name="method"/> ("*" = any) and <paramref name="path"/>
        /// (exact, '*' segment wildcards, or a regex starting with '^'), firing once by default.
        /// Configure it with <see cref="FaultRule.RespondWith"/>, <see cref="FaultRule.Delay"/>, ...
        /// </summary>
        public FaultRule When(string method, string path)
        {
            var rule = new FaultRule(_sync, method, path);
            lock (_sync)
            {
                _rules.Add(rule);
            }

            return rule;
        }

        /// <summary>Answer matching requests with <paramref name="status"/> (and headers such as Retry-After).</summary>
        public FaultRule InjectStatus(string method, string path, int status, int times = 1, IDictionary<string, string>? headers = null, string? bodyJson = null) =>
            When(method, path).RespondWith(status, bodyJson, headers).Repeat(times);

        /// <summary>429 with <c>Retry-After</c> and/or <c>X-RateLimit-Reset</c> (whole seconds) and body code 8.</summary>
        public FaultRule InjectRateLimit(string method, string path, int? retryAfterSeconds = 1, int? rateLimitResetSeconds = null, int times = 1)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (retryAfterSeconds.HasValue)
            {
                headers["Retry-After"] = retryAfterSeconds.Value.ToString(CultureInfo.InvariantCulture);
            }

            if (rateLimitResetSeconds.HasValue)
            {
                headers["X-RateLimit-Reset"] = rateLimitResetSeconds.Value.ToString(CultureInfo.InvariantCulture);
            }

            return InjectStatus(method, path, 429, times, headers);
        }

        /// <summary>Delay matching requests, then process them normally.</summary>
        public FaultRule InjectLatency(string method, string path, TimeSpan delay, int times = 1) =>
            When(method, path).Delay(delay).Repeat(times);

        /// <summary>Process matching requests (state changes), then close the connection without answering.</summary>
        public FaultRule DropAfterCommit(string method, string path, int times = 1) =>
            When(method, path).DropConnectionAfterCommit().Repeat(times);

        /// <summary>Process matching requests (state changes), then answer 200 with <paramref name="body"/> (default: empty) instead of the real answer.</summary>
        public FaultRule InjectMalformedSuccess(string method, string path, string body = "", int times = 1) =>
            When(method, path).CommitThenRespondWith(200, body).Repeat(times);

        /// <summary>Close the connection on matching requests without processing them.</summary>
        public FaultRule DropBeforeProcessing(string method, string path, int times = 1) =>
            When(method, path).DropConnectionBeforeProcessing().Repeat(times);

        public bool Remove(FaultRule rule)
        {
            lock (_sync)
            {
                return _rules.Remove(rule);
            }
        }

        public void Clear()
        {
            lock (_sync)
            {
                _rules.Clear();
            }
        }

        internal FaultDecision? Take(string method, string path)
        {
            lock (_sync)
            {
                foreach (var rule in _rules)
                {
                    var decision = rule.TryFire(method, path);
                    if (decision != null)
                    {
                        return decision;
                    }
                }

                return null;
            }
        }
    }
}
