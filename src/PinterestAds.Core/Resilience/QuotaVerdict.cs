using System;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;
using PinterestAds.Core.Limiting;

namespace PinterestAds.Core.Resilience
{
    /// <summary>Why a rate-limited call was not retried (again), and how long Pinterest asks to wait.</summary>
    internal sealed class QuotaVerdict
    {
        public QuotaVerdict(TimeSpan wait, string source, string detail)
        {
            Wait = wait;
            Source = source;
            Detail = detail;
        }

        public TimeSpan Wait { get; }

        public string Source { get; }

        public string Detail { get; }

        /// <summary>
        /// The quota error for a final 429, in the documented "&lt;operation&gt;: 429 — …" shape; with a
        /// verdict it says when to come back and carries that instant in <see cref="PinterestAdsException.RetryAt"/>.
        /// </summary>
        public static PinterestAdsException ToError(ApiRequest request, ApiResponse response, QuotaVerdict? verdict, DateTimeOffset now)
        {
            var mapped = ApiErrorMapper.FromResponse(request, response);
            string message = mapped.Message;
            DateTimeOffset? retryAt = null;
            if (verdict != null)
            {
                retryAt = now + verdict.Wait;
                message += $". Pinterest asks to wait {Durations.Format(verdict.Wait)} ({verdict.Source}), until {Durations.Instant(retryAt.Value)}: {verdict.Detail}.";
            }

            return new PinterestAdsException(
                mapped.ErrorId,
                FailureKind.LimitsExceeded,
                message,
                retryAt is DateTimeOffset at
                    ? $"Run it again after {Durations.Instant(at)}, or lower the request rate (-RequestsPerHour)."
                    : mapped.RecommendedAction)
            {
                HttpStatus = mapped.HttpStatus,
                ApiCode = mapped.ApiCode,
                RequestId = mapped.RequestId,
                RetryAt = retryAt,
            };
        }
    }
}
