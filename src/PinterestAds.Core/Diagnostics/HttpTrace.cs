using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text;
using PinterestAds.Core.Http;

namespace PinterestAds.Core.Diagnostics
{
    /// <summary>
    /// Formats requests and responses for <c>-Debug</c>. Headers are allow-listed: anything not
    /// named here is shown as redacted, so a new secret-bearing header can never leak by default.
    /// </summary>
    public static class HttpTrace
    {
        private const int MaxBodyChars = 4096;

        private static readonly HashSet<string> VisibleHeaders = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "Accept", "Content-Type", "Content-Length", "User-Agent", "Idempotency-Key", "Idempotent-Replayed",
            "x-pinterest-rid", "Retry-After", "X-RateLimit-Reset", "X-RateLimit-Limit", "X-RateLimit-Remaining",
            "Date", "Connection",
        };

        public static string FormatRequest(HttpRequestMessage message, byte[]? body, int attempt)
        {
            var text = new StringBuilder();
            text.Append("HTTP REQUEST (attempt ").Append(attempt.ToString(CultureInfo.InvariantCulture)).Append(")\n");
            text.Append(message.Method).Append(' ').Append(SecretRedactor.Redact(message.RequestUri?.ToString())).Append('\n');
            AppendHeaders(text, message.Headers.Concat(message.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()));
            AppendBody(text, body);
            return text.ToString();
        }

        public static string FormatResponse(ApiResponse response, TimeSpan elapsed)
        {
            var text = new StringBuilder();
            text.Append("HTTP RESPONSE ").Append(response.StatusCode.ToString(CultureInfo.InvariantCulture))
                .Append(" in ").Append(((int)elapsed.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)).Append(" ms\n");
            AppendHeaders(text, response.Headers.Select(h => new KeyValuePair<string, IEnumerable<string>>(h.Key, new[] { h.Value })));
            AppendBody(text, response.Body);
            return text.ToString();
        }

        private static void AppendHeaders(StringBuilder text, IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers)
        {
            foreach (var header in headers)
            {
                string value = VisibleHeaders.Contains(header.Key) ? string.Join(",", header.Value) : "<redacted>";
                text.Append(header.Key).Append(": ").Append(SecretRedactor.Redact(value)).Append('\n');
            }
        }

        private static void AppendBody(StringBuilder text, byte[]? body)
        {
            if (body is null || body.Length == 0)
            {
                return;
            }

            string content = Encoding.UTF8.GetString(body);
            if (content.Length > MaxBodyChars)
            {
                content = content.Substring(0, MaxBodyChars) + $"… ({body.Length} bytes)";
            }

            text.Append('\n').Append(SecretRedactor.Redact(content)).Append('\n');
        }
    }
}
