using System.Text.Json.Nodes;
using PinterestAds.Testing.Http;
using PinterestAds.Testing.Json;
using PinterestAds.Testing.Routing;

namespace PinterestAds.Testing.Ads
{
    /// <summary>
    /// The one batch-write algorithm behind POST (create) and PATCH (update) of campaigns, ad
    /// groups and ads: a JSON array of 1-30 items, one response element per item in input
    /// order, per-item exceptions instead of an HTTP error, the whole batch under one lock.
    /// </summary>
    internal sealed class BatchWriter
    {
        public const int MaxItems = 30;

        private readonly AdsState _state;

        public BatchWriter(AdsState state)
        {
            _state = state;
        }

        public HttpResponseData Write(RequestContext context, EntityKind kind, bool create)
        {
            string adAccountId = context.Route("ad_account_id");
            AdAccountEndpoints.Require(_state, adAccountId);
            if (!(context.JsonBody() is JsonArray items))
            {
                throw new ApiErrorException(400, 1, "Invalid request body: expected a JSON array of " + kind.Collection + ".");
            }

            if (items.Count < 1 || items.Count > MaxItems)
            {
                throw new ApiErrorException(400, 1, "Invalid request body: the array must have between 1 and " + MaxItems + " items (got " + items.Count + ").");
            }

            var results = new JsonArray();
            lock (_state.Sync)
            {
                var scope = new WriteScope(_state, adAccountId, context.NowSeconds);
                foreach (JsonNode? item in items)
                {
                    ItemOutcome outcome = create ? kind.Create(item, scope) : kind.Update(item, scope);
                    results.Add(Element(kind, outcome, scope.Now));
                }
            }

            return ApiResults.Json(200, new JsonObject { ["items"] = results });
        }

        private static JsonObject Element(EntityKind kind, ItemOutcome outcome, long now)
        {
            var element = new JsonObject
            {
                ["data"] = outcome.Entity == null ? null : kind.Render(outcome.Entity, now),
            };

            if (kind.ExceptionsAsArray)
            {
                var exceptions = new JsonArray();
                if (outcome.Errors != null)
                {
                    foreach (var error in outcome.Errors.All)
                    {
                        exceptions.Add(ApiJson.Error(error.Key, error.Value));
                    }
                }

                element["exceptions"] = exceptions;
            }
            else if (outcome.Errors != null)
            {
                // Ads: a single exception object (spec AdArrayResponseElement); the first error wins.
                var first = outcome.Errors.All[0];
                element["exceptions"] = ApiJson.Error(first.Key, first.Value);
            }

            return element;
        }
    }
}
