using System;
using PinterestAds.Core.Http;
using Polly;

namespace PinterestAds.Core.Resilience
{
    /// <summary>
    /// Which outcomes of an attempt are worth another attempt. A 429 always is, for reads and
    /// writes alike: Pinterest's limiter rejected the call before it was processed. Everything
    /// else that may have reached the server is repeated only when the request is
    /// <see cref="RepeatSafety.Repeatable"/>; a write whose outcome is unknown goes back to the
    /// pipeline, which reconciles it.
    /// </summary>
    internal static class RetryableOutcome
    {
        /// <returns>Why the attempt may be made again, or null when its outcome is final.</returns>
        public static RetryCause? Classify(Outcome<ApiResponse> outcome, RepeatSafety safety)
        {
            if (outcome.Exception is Exception exception)
            {
                // A refused connection provably never sent the request, so even a create may go again.
                if (!(exception is ApiTransportException transport) || (transport.MayHaveReachedServer && safety == RepeatSafety.NotRepeatable))
                {
                    return null;
                }

                return new RetryCause(transport.MayHaveReachedServer ? transport.Message.TrimEnd('.') : "the connection failed before the request was sent", response: null);
            }

            var response = outcome.Result!;
            int status = response.StatusCode;
            if (status == 429)
            {
                return new RetryCause("Pinterest answered 429 (rate limited)", response);
            }

            if (IsTransientStatus(status) && safety == RepeatSafety.Repeatable)
            {
                return new RetryCause("Pinterest answered " + status.ToString(System.Globalization.CultureInfo.InvariantCulture), response);
            }

            return null;
        }

        private static bool IsTransientStatus(int status) => status == 408 || status == 500 || status == 502 || status == 503 || status == 504;
    }

    /// <summary>Why an attempt is repeated, and the response whose headers may ask for a wait (none after a connection failure).</summary>
    internal sealed class RetryCause
    {
        public RetryCause(string reason, ApiResponse? response)
        {
            Reason = reason;
            Response = response;
        }

        /// <summary>Announced with the retry, e.g. "Pinterest answered 503".</summary>
        public string Reason { get; }

        public ApiResponse? Response { get; }

        public bool IsRateLimited => Response?.StatusCode == 429;
    }
}
