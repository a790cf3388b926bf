using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Http;

namespace PinterestAds.Core.Errors
{
    /// <summary>
    /// A response whose body cannot be read (empty, not JSON, not the shape the call expects). For a
    /// read it is this error; for a write it is an unknown outcome, reconciled like a lost answer.
    /// </summary>
    public static class InvalidResponse
    {
        public const string ErrorId = "invalidResponse";

        /// <summary>How much of the body a message shows.</summary>
        private const int ShownBytes = 120;

        public static PinterestAdsException Of(ApiResponse response, string problem) =>
            new PinterestAdsException(
                ErrorId,
                FailureKind.InvalidResult,
                $"Pinterest Ads {Describe(response)} answered {response.StatusCode} with a body that cannot be read ({problem}): {Excerpt(response.Body)}" +
                (response.RequestId is string id ? $"; request id {id}." : "."),
                "Pinterest sent something unexpected: run the command again, and quote the request id if it persists.")
            {
                HttpStatus = response.StatusCode,
                RequestId = response.RequestId,
            };

        /// <summary>
        /// Why a 2xx body cannot be used: empty, not JSON, or, for a batch, not listing as many
        /// items as were sent. Null when it can be used.
        /// </summary>
        public static string? ProblemWith(ApiResponse response, int? expectedItems)
        {
            using var document = response.TryParseJson(out string? problem);
            if (document is null)
            {
                return problem;
            }

            if (expectedItems is int count)
            {
                var root = document.RootElement;
                bool listsAll = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array && items.GetArrayLength() == count;
                return listsAll ? null : $"it does not list the {count} item(s) sent";
            }

            return null;
        }

        /// <summary>"create_campaign: POST /ad_accounts/1/campaigns", or "a request" when it is not known.</summary>
        public static string Describe(ApiResponse response) =>
            response.Request is ApiRequest request ? $"{request.Operation}: {request.Method} {request.DisplayPath}" : "request";

        /// <summary>The first bytes of a body as printable text, secrets masked, with its length.</summary>
        public static string Excerpt(byte[] body)
        {
            if (body.Length == 0)
            {
                return "(no body)";
            }

            string text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, ShownBytes));
            string printable = new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).TrimEnd('\uFFFD');
            return "'" + SecretRedactor.Redact(printable) + (body.Length > ShownBytes ? "…" : string.Empty) + "' (" + body.Length.ToString(CultureInfo.InvariantCulture) + " bytes)";
        }
    }
}
