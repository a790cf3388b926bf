using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PinterestAds.Testing.Http;
using PinterestAds.Testing.Json;
using PinterestAds.Testing.OAuth;
using PinterestAds.Testing.Routing;

namespace PinterestAds.Testing.Ads
{
    /// <summary>
    /// List, get, create (POST) and update (PATCH on the collection) for one entity kind. There
    /// is deliberately no DELETE and no per-id PATCH: the router answers those with 405.
    /// </summary>
    internal sealed class EntityEndpoints : IEndpointModule
    {
        private const int MaxFilterIds = 250;
        private static readonly string[] DefaultStatuses = { "ACTIVE", "PAUSED" };

        private readonly EntityKind _kind;
        private readonly AdsState _state;
        private readonly BatchWriter _writer;

        public EntityEndpoints(EntityKind kind, AdsState state, BatchWriter writer)
        {
            _kind = kind;
            _state = state;
            _writer = writer;
        }

        public void Map(Router router)
        {
            string collection = "/v5/ad_accounts/{ad_account_id}/" + _kind.Collection;
            router.Map("GET", collection, RouteSecurity.Bearer(OAuthScopes.AdsRead), List);
            router.Map("POST", collection, RouteSecurity.Bearer(OAuthScopes.AdsWrite), c => _writer.Write(c, _kind, create: true));
            router.Map("PATCH", collection, RouteSecurity.Bearer(OAuthScopes.AdsWrite), c => _writer.Write(c, _kind, create: false));
            router.Map("GET", collection + "/{" + _kind.IdRouteName + "}", RouteSecurity.Bearer(OAuthScopes.AdsRead), Get);
        }

        private HttpResponseData Get(RequestContext context)
        {
            string adAccountId = context.Route("ad_account_id");
            AdAccountEndpoints.Require(_state, adAccountId);
            string id = context.Route(_kind.IdRouteName);
            lock (_state.Sync)
            {
                JsonObject? entity = _state.Find(adAccountId, _kind.Collection, id);
                if (entity == null)
                {
                    throw new ApiErrorException(404, 404, _kind.DisplayName + " not found: " + id);
                }

                return ApiResults.Json(200, _kind.Render(entity, context.NowSeconds));
            }
        }

        private HttpResponseData List(RequestContext context)
        {
            string adAccountId = context.Route("ad_account_id");
            AdAccountEndpoints.Require(_state, adAccountId);
            var query = context.Query;
            int pageSize = Paging.PageSize(query);
            long? after = Paging.After(query);
            bool descending = ParseOrder(query.First("order"));
            HashSet<string> statuses = ParseStatuses(query.List("entity_statuses"));
            var filters = new List<KeyValuePair<string, HashSet<string>>>();
            foreach (var filter in _kind.ListFilters)
            {
                List<string>? ids = query.List(filter.Key);
                if (ids == null)
                {
                    continue;
                }

                if (ids.Count < 1 || ids.Count > MaxFilterIds)
                {
                    throw new ApiErrorException(400, 1, "Invalid parameter '" + filter.Key + "': give between 1 and " + MaxFilterIds + " ids (got " + ids.Count + ").");
                }

                filters.Add(new KeyValuePair<string, HashSet<string>>(filter.Value, new HashSet<string>(ids, StringComparer.Ordinal)));
            }

            var page = new JsonArray();
            long? more = null;
            lock (_state.Sync)
            {
                IEnumerable<KeyValuePair<long, JsonObject>> rows = _state.Table(adAccountId, _kind.Collection);
                if (descending)
                {
                    rows = rows.Reverse();
                }

                long lastId = 0;
                foreach (var row in rows)
                {
                    if (after.HasValue && (descending ? row.Key >= after.Value : row.Key <= after.Value))
                    {
                        continue;
                    }

                    if (!statuses.Contains(JsonFields.String(row.Value, "status") ?? "ACTIVE")
                        || !filters.All(f => f.Value.Contains(JsonFields.String(row.Value, f.Key) ?? string.Empty)))
                    {
                        continue;
                    }

                    if (page.Count == pageSize)
                    {
                        more = lastId;
                        break;
                    }

                    page.Add(_kind.Render(row.Value, context.NowSeconds));
                    lastId = row.Key;
                }
            }

            return ApiResults.Json(200, Paging.Page(page, more));
        }

        private static bool ParseOrder(string? order)
        {
            switch (order)
            {
                case null:
                case "ASCENDING":
                    return false;
                case "DESCENDING":
                    return true;
                default:
                    throw new ApiErrorException(400, 1, "Invalid parameter 'order': '" + order + "' is not one of ASCENDING, DESCENDING.");
            }
        }

        /// <summary>Spec default [ACTIVE, PAUSED]: archived entities stay hidden unless asked for.</summary>
        private static HashSet<string> ParseStatuses(List<string>? requested)
        {
            var statuses = new HashSet<string>(requested == null || requested.Count == 0 ? DefaultStatuses : requested, StringComparer.Ordinal);
            foreach (string status in statuses)
            {
                if (!Enums.EntityStatus.Contains(status, StringComparer.Ordinal))
                {
                    throw new ApiErrorException(400, 1, "Invalid parameter 'entity_statuses': '" + status + "' is not one of " + string.Join(", ", Enums.EntityStatus) + ".");
                }
            }

            return statuses;
        }
    }
}
