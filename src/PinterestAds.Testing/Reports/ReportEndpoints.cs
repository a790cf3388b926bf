using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using PinterestAds.Testing.Ads;
using PinterestAds.Testing.Analytics;
using PinterestAds.Testing.Http;
using PinterestAds.Testing.Json;
using PinterestAds.Testing.OAuth;
using PinterestAds.Testing.Routing;

namespace PinterestAds.Testing.Reports
{
    /// <summary>
    /// Async reports (FACTS §9): <c>POST /v5/ad_accounts/{id}/reports</c> (JSON body; 914 days back,
    /// ranges under 186 days, HOUR 8/3, 500 ids per filter) answers a token;
    /// <c>GET /v5/ad_accounts/{id}/reports?token=</c> answers the job's status and, once FINISHED, a
    /// pre-signed download URL on this server (see <see cref="ReportDownloadEndpoint"/>).
    /// </summary>
    internal sealed class ReportEndpoints : IEndpointModule
    {
        private const int MaxFilterIds = 500;
        private const int MaxStatuses = 6;

        private static readonly string[] Levels =
        {
            "ADVERTISER", "ADVERTISER_TARGETING", "CAMPAIGN", "CAMPAIGN_TARGETING", "AD_GROUP", "AD_GROUP_TARGETING", "PIN_PROMOTION",
            "PIN_PROMOTION_TARGETING", "KEYWORD", "PRODUCT_GROUP", "PRODUCT_GROUP_TARGETING", "PRODUCT_ITEM", "PRODUCT_ITEM_TARGETING",
        };

        private static readonly string[] IdFilters = { "campaign_ids", "ad_group_ids", "ad_ids", "product_group_ids", "product_item_ids" };
        private static readonly string[] StatusFilters = { "campaign_statuses", "ad_group_statuses", "ad_statuses", "product_group_statuses" };

        private readonly AdsState _ads;
        private readonly AnalyticsData _data;
        private readonly ReportStore _store;
        private readonly Func<string> _origin;

        public ReportEndpoints(AdsState ads, AnalyticsData data, ReportStore store, Func<string> origin)
        {
            _ads = ads;
            _data = data;
            _store = store;
            _origin = origin;
        }

        public void Map(Router router)
        {
            var security = RouteSecurity.Bearer(OAuthScopes.AdsRead);
            router.Map("POST", "/v5/ad_accounts/{ad_account_id}/reports", security, Create);
            router.Map("GET", "/v5/ad_accounts/{ad_account_id}/reports", security, Status);
        }

        private static void Refuse(string detail) => throw new ApiErrorException(400, 400, "Invalid ad account ads analytics parameters. " + detail);

        private HttpResponseData Create(RequestContext context)
        {
            string adAccountId = context.Route("ad_account_id");
            AdAccountEndpoints.Require(_ads, adAccountId);
            if (!string.IsNullOrEmpty(context.Request.QueryString))
            {
                Refuse("This endpoint does not support URL query parameters: send every parameter in the JSON body.");
            }

            if (!(context.JsonBody() is JsonObject body))
            {
                throw new ApiErrorException(400, 1, "Invalid request body: expected a JSON object.");
            }

            string level = Enum(body, "level", Levels, null)!;
            string granularity = Enum(body, "granularity", TimeBuckets.Granularities, null)!;
            string format = Enum(body, "report_format", new[] { "JSON", "CSV" }, "JSON")!;
            bool byDate = Enum(body, "primary_sort", new[] { "BY_ID", "BY_DATE" }, "BY_ID") == "BY_DATE";
            Enum(body, "conversion_report_time", new[] { "TIME_OF_AD_ACTION", "TIME_OF_CONVERSION" }, "TIME_OF_AD_ACTION");
            DateTime start = DateRules.Parse(JsonFields.String(body, "start_date")) ?? throw Missing("start_date", "YYYY-MM-DD");
            DateTime end = DateRules.Parse(JsonFields.String(body, "end_date")) ?? throw Missing("end_date", "YYYY-MM-DD");
            DateRules rules = granularity == "HOUR" ? DateRules.Hourly : level.StartsWith("PRODUCT_ITEM", StringComparison.Ordinal) ? DateRules.ProductItem : DateRules.Async;
            string? problem = rules.Problem(start, end, context.Now.UtcDateTime.Date);
            if (problem != null)
            {
                Refuse(problem);
            }

            List<string> columns = Strings(body, "columns") ?? throw Missing("columns", "a non-empty array of column names");
            if (columns.Count == 0)
            {
                throw Missing("columns", "a non-empty array of column names");
            }

            foreach (string column in columns.Where(c => !AnalyticsColumns.Async.Contains(c)))
            {
                Refuse("'" + column + "' is not a valid column. Did you mean " + AnalyticsColumns.Nearest(column, AnalyticsColumns.Async) + "?");
            }

            int click = Window(body, "click_window_days", 30);
            Window(body, "engagement_window_days", 30);
            int view = Window(body, "view_window_days", 1);
            var filters = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (string name in IdFilters)
            {
                List<string>? ids = Strings(body, name);
                if (ids == null)
                {
                    continue;
                }

                if (ids.Count < 1 || ids.Count > MaxFilterIds || ids.Any(id => id.Length == 0 || !id.All(char.IsDigit)))
                {
                    Refuse(name + " takes between 1 and " + MaxFilterIds + " digit-string ids (got " + ids.Count + ").");
                }

                filters[name] = new HashSet<string>(ids, StringComparer.Ordinal);
            }

            foreach (string name in StatusFilters)
            {
                List<string>? statuses = Strings(body, name);
                if (statuses != null && (statuses.Count < 1 || statuses.Count > MaxStatuses))
                {
                    Refuse(name + " takes between 1 and " + MaxStatuses + " statuses (got " + statuses.Count + ").");
                }
            }

            AnalyticsLevel? entityLevel = EntityLevel(level);
            IReadOnlyList<string> entities = entityLevel == null ? new string[0] : Entities(adAccountId, entityLevel, filters);
            AnalyticsLevel rowLevel = entityLevel ?? AnalyticsLevel.AdAccount;
            var spec = new RowSpec(adAccountId, rowLevel, entities, start, end, granularity, columns, new AttributionWindows(click, view));
            var job = new ReportJob(ReportStore.NewToken(), spec, _data.Frozen(adAccountId, rowLevel, entities, columns), format, byDate);
            _store.Add(job);
            return ApiResults.Json(200, new JsonObject { ["report_status"] = ReportStore.InProgress, ["token"] = job.Token, ["message"] = null });
        }

        private HttpResponseData Status(RequestContext context)
        {
            AdAccountEndpoints.Require(_ads, context.Route("ad_account_id"));
            string? token = context.Query.First("token");
            if (string.IsNullOrEmpty(token))
            {
                Refuse("token is required: the token POST .../reports returned.");
            }

            ReportJob? job = _store.Find(token!);
            if (job == null || job.Spec.AdAccountId != context.Route("ad_account_id"))
            {
                return ApiResults.Json(200, new JsonObject { ["report_status"] = ReportStore.DoesNotExist, ["url"] = null, ["size"] = null });
            }

            string status = _store.Poll(job, context.Now, countPoll: true);
            if (status != ReportStore.Finished)
            {
                return ApiResults.Json(200, new JsonObject { ["report_status"] = status, ["url"] = null, ["size"] = null });
            }

            job.Size ??= ReportFile.Measure(job);
            string issued = context.Now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            string url = _origin() + ReportDownloadEndpoint.PathPrefix + job.Token + "/" + job.FileName
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAFAKEPINTESTKEY00%2F" + issued.Substring(0, 8) + "%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Date=" + issued + "&X-Amz-Expires=" + ((int)_store.UrlLifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture)
                + "&X-Amz-SignedHeaders=host&X-Amz-Signature=" + _store.Sign(job.Token, issued);
            return ApiResults.Json(200, new JsonObject { ["report_status"] = status, ["url"] = url, ["size"] = job.Size });
        }

        /// <summary>The levels whose entities the fake models; keyword and product levels have none, so their reports are empty.</summary>
        private static AnalyticsLevel? EntityLevel(string level)
        {
            switch (level.Replace("_TARGETING", string.Empty))
            {
                case "ADVERTISER": return AnalyticsLevel.AdAccount.WithIdKey("ADVERTISER_ID");
                case "CAMPAIGN": return AnalyticsLevel.Campaign;
                case "AD_GROUP": return AnalyticsLevel.AdGroup;
                case "PIN_PROMOTION": return AnalyticsLevel.Ad;
                default: return null;
            }
        }

        /// <summary>
        /// The level's own id filter when given (any ids, like the synchronous endpoints); otherwise every
        /// entity of the level in the account. Parent filters keep the entities under those parents.
        /// </summary>
        private IReadOnlyList<string> Entities(string adAccountId, AnalyticsLevel level, Dictionary<string, HashSet<string>> filters)
        {
            if (level.Collection == null)
            {
                return new[] { adAccountId };
            }

            lock (_ads.Sync)
            {
                var table = _ads.Table(adAccountId, level.Collection);
                IEnumerable<string> ids = filters.TryGetValue(level.IdsParameter!, out var own)
                    ? own.OrderBy(id => id.Length).ThenBy(id => id, StringComparer.Ordinal)
                    : table.Values.Select(e => JsonFields.String(e, "id")!);
                foreach (var parent in new[] { ("campaign_ids", "campaign_id"), ("ad_group_ids", "ad_group_id") })
                {
                    if (parent.Item1 != level.IdsParameter && filters.TryGetValue(parent.Item1, out var parents))
                    {
                        ids = ids.Where(id => _ads.Find(adAccountId, level.Collection, id) is JsonObject e && parents.Contains(JsonFields.String(e, parent.Item2) ?? string.Empty));
                    }
                }

                return ids.ToArray();
            }
        }

        private static string? Enum(JsonObject body, string name, string[] allowed, string? fallback)
        {
            string? value = JsonFields.String(body, name);
            if (value == null && !body.ContainsKey(name) && fallback != null)
            {
                return fallback;
            }

            if (value == null || !allowed.Contains(value))
            {
                Refuse(name + " must be one of " + string.Join(", ", allowed) + " (got " + (body[name]?.ToJsonString() ?? "nothing") + ").");
            }

            return value;
        }

        private static int Window(JsonObject body, string name, int fallback)
        {
            if (!body.ContainsKey(name))
            {
                return fallback;
            }

            long? days = JsonFields.Long(body, name);
            if (days == null || !AttributionWindows.AllowedDays.Contains((int)days.Value))
            {
                Refuse(name + " must be one of 0, 1, 7, 14, 30, 60.");
            }

            return (int)days!.Value;
        }

        private static List<string>? Strings(JsonObject body, string name)
        {
            if (!body.TryGetPropertyValue(name, out JsonNode? node) || JsonFields.IsNull(node))
            {
                return null;
            }

            if (!(node is JsonArray array) || array.Any(item => !(item is JsonValue v && v.TryGetValue(out string? _))))
            {
                Refuse(name + " must be an array of strings.");
            }

            return ((JsonArray)node!).Select(item => (string)item!).ToList();
        }

        private static ApiErrorException Missing(string name, string what) =>
            new ApiErrorException(400, 400, "Invalid ad account ads analytics parameters. " + name + " is required: " + what + ".");
    }
}
