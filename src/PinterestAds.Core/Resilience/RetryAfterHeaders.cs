using System;
using System.Collections.Generic;
using System.Globalization;

namespace PinterestAds.Core.Resilience
{
    /// <summary>
    /// Reads how long a 429 (or 503) asks us to wait. Pinterest's spec declares no headers, but
    /// 429s have been seen with <c>X-RateLimit-Reset</c> (seconds until reset; tens of thousands
    /// when a daily quota is spent); gateways send <c>Retry-After</c> (seconds or an HTTP date).
    /// </summary>
    public static class RetryAfterHeaders
    {
        /// <summary>Epoch seconds before this are read as a delta, not as an instant (2001-09-09).</summary>
        private const double EpochThreshold = 1_000_000_000;

        /// <returns>The longest wait either header asks for, with the header it came from; null when neither is usable.</returns>
        public static (TimeSpan Wait, string Source)? Read(IReadOnlyDictionary<string, string> headers, DateTimeOffset now)
        {
            (TimeSpan Wait, string Source)? best = null;
            if (headers.TryGetValue("Retry-After", out var retryAfter) && ParseRetryAfter(retryAfter, now) is TimeSpan a)
            {
                best = (a, "Retry-After: " + retryAfter.Trim());
            }

            if (headers.TryGetValue("X-RateLimit-Reset", out var reset) && ParseRateLimitReset(reset, now) is TimeSpan b && (best is null || b > best.Value.Wait))
            {
                best = (b, "X-RateLimit-Reset: " + reset.Trim());
            }

            return best;
        }

        /// <summary><c>Retry-After</c>: delta-seconds or an HTTP date (RFC 9110 §10.2.3).</summary>
        public static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            value = value!.Trim();
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds))
            {
                return seconds >= 0 && !double.IsInfinity(seconds) ? Seconds(seconds) : (TimeSpan?)null;
            }

            if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) ||
                DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
            {
                var wait = date - now;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }

            return null;
        }

        /// <summary>
        /// <c>X-RateLimit-Reset</c>: seconds until the reset; a value larger than the current
        /// epoch seconds is read as the reset instant itself (epoch seconds).
        /// </summary>
        public static TimeSpan? ParseRateLimitReset(string? value, DateTimeOffset now)
        {
            if (string.IsNullOrWhiteSpace(value) || !double.TryParse(value!.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double number) || number < 0 || double.IsInfinity(number))
            {
                return null;
            }

            double nowEpoch = now.ToUnixTimeMilliseconds() / 1000.0;
            if (number > nowEpoch)
            {
                return Seconds(number - nowEpoch);
            }

            if (number >= EpochThreshold)
            {
                // An instant already past: the quota has reset.
                return TimeSpan.Zero;
            }

            return Seconds(number);
        }

        private static TimeSpan Seconds(double seconds) => seconds > TimeSpan.MaxValue.TotalSeconds / 2 ? TimeSpan.MaxValue : TimeSpan.FromMilliseconds(Math.Ceiling(seconds * 1000));
    }
}
