using System.Globalization;
using System.Linq;
using System.Text.Json;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;
using PinterestAds.Core.Json;

namespace PinterestAds.Core.Ads.Batching
{
    /// <summary>The result for one element of a batch: the entity's JSON, or the error about it.</summary>
    internal readonly struct ItemResult
    {
        public ItemResult(JsonElement? data, PinterestAdsException? error)
        {
            Data = data;
            Error = error;
        }

        public JsonElement? Data { get; }

        public PinterestAdsException? Error { get; }

        public static ItemResult[] AllFailed(int count, PinterestAdsException error) => Enumerable.Repeat(new ItemResult(null, error), count).ToArray();
    }

    /// <summary>
    /// Reads <c>{"items":[{"data":…,"exceptions":…}]}</c>, one element per input element. Campaigns
    /// and ad groups report <c>exceptions</c> as an array, ads as a single object: both are read.
    /// </summary>
    internal static class BatchResponse
    {
        public static ItemResult[] Parse(ApiRequest request, ApiResponse response, int count)
        {
            var results = new ItemResult[count];
            using var document = response.ParseJson();
            var items = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("items", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().ToArray()
                : new JsonElement[0];
            for (int i = 0; i < count; i++)
            {
                if (i >= items.Length)
                {
                    results[i] = new ItemResult(null, Missing(request, response, i));
                    continue;
                }

                var error = ItemError(request, response, items[i], i);
                bool hasData = items[i].TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object;
                results[i] = error is null && !hasData
                    ? new ItemResult(null, Missing(request, response, i))
                    : new ItemResult(error is null ? data.Clone() : null, error);
            }

            return results;
        }

        private static PinterestAdsException? ItemError(ApiRequest request, ApiResponse response, JsonElement item, int index)
        {
            if (!item.TryGetProperty("exceptions", out var exceptions))
            {
                return null;
            }

            var entries = exceptions.ValueKind switch
            {
                JsonValueKind.Array => exceptions.EnumerateArray().ToArray(),
                JsonValueKind.Object => new[] { exceptions },
                _ => new JsonElement[0],
            };
            var errors = entries
                .Select(e => (Code: e.GetInt64OrNull("code"), Message: e.GetStringOrNull("message")))
                .Where(e => e.Code != null || e.Message != null)
                .ToArray();
            if (errors.Length == 0)
            {
                return null;
            }

            int? code = errors[0].Code is long c && c <= int.MaxValue ? (int)c : null;
            string message = string.Join("; ", errors.Select(e => e.Message ?? "rejected").Distinct());
            string codeText = code is int value ? string.Format(CultureInfo.InvariantCulture, " (code {0})", value) : string.Empty;
            var kind = code is int status && status >= 400 && status < 600 ? ApiErrorMapper.KindOf(status) : FailureKind.InvalidArgument;
            return new PinterestAdsException(
                "pinterestItem" + (code?.ToString(CultureInfo.InvariantCulture) ?? "Rejected"),
                kind,
                $"Pinterest Ads {request.Operation}: item {index + 1} was rejected: {message}{codeText}",
                "Correct this item and run the command again; the other items of the batch are not affected.")
            {
                ApiCode = code,
                HttpStatus = response.StatusCode,
                RequestId = response.RequestId,
            };
        }

        private static PinterestAdsException Missing(ApiRequest request, ApiResponse response, int index) =>
            new PinterestAdsException(
                "pinterestItemMissing",
                FailureKind.InvalidResult,
                $"Pinterest Ads {request.Operation}: the response has no result for item {index + 1}.",
                "Check with a Get- command whether the change was made before running the command again.")
            {
                HttpStatus = response.StatusCode,
                RequestId = response.RequestId,
            };
    }
}
