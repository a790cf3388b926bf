using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PinterestAds.Testing.Ads;
using PinterestAds.Testing.Http;
using PinterestAds.Testing.Json;
using PinterestAds.Testing.OAuth;
using PinterestAds.Testing.Routing;

namespace PinterestAds.Testing.Analytics
{
    /// <summary>
    /// Synchronous analytics (FACTS §9): <c>GET /v5/ad_accounts/{id}/analytics</c> and the
    /// campaign, ad group and ad variants with their required 1-250 ids. Answers a bare JSON array
    /// of flat rows in the account's currency; refuses with 400 what Pinterest refuses (dates out
    /// of range, HOUR limits, unknown columns, window days outside the enum, too many ids).
    /// </summary>
    internal sealed class AnalyticsEndpoints : IEndpointModule
    {
        public const int MaxIds = 250;
        private const int MaxPinIds = 100;

        private static readonly string[] ReportTimes = { "TIME_OF_AD_ACTION", "TIME_OF_CONVERSION" };
        private static readonly string[] TimeZones = { "PINTEREST_TIME_ZONE", "AD_ACCOUNT_TIME_ZONE" };

        private readonly AdsState _ads;
        private readonly AnalyticsData _data;

        public AnalyticsEndpoints(AdsState ads, AnalyticsData data)
        {
            _ads = ads;
            _data = data;
        }

        public void Map(Router router)
        {
            var security = RouteSecurity.Bearer(OAuthScopes.AdsRead);
            router.Map("GET", "/v5/ad_accounts/{ad_account_id}/analytics", security, c => Answer(c, AnalyticsLevel.AdAccount));
            router.Map("GET", "/v5/ad_accounts/{ad_account_id}/campaigns/analytics", security, c => Answer(c, AnalyticsLevel.Campaign));
            router.Map("GET", "/v5/ad_accounts/{ad_account_id}/ad_groups/analytics", security, c => Answer(c, AnalyticsLevel.AdGroup));
            router.Map("GET", "/v5/ad_accounts/{ad_account_id}/ads/analytics", security, c => Answer(c, AnalyticsLevel.Ad));
        }

        /// <summary>Window days must be one of 0, 1, 7, 14, 30, 60; absent means <paramref name="fallback"/>.</summary>
        public static int? WindowDays(string? text, int fallback) =>
            text == null ? fallback
            : int.TryParse(text, out int days) && AttributionWindows.AllowedDays.Contains(days) ? days : (int?)null;

        private HttpResponseData Answer(RequestContext context, AnalyticsLevel level)
        {
            string adAccountId = context.Route("ad_account_id");
            AdAccountEndpoints.Require(_ads, adAccountId);
            var query = context.Query;
            void Refuse(string detail) => throw new ApiErrorException(400, 400, "Invalid " + level.ErrorName + " parameters. " + detail);

            DateTime? start = DateRules.Parse(query.First("start_date"));
            DateTime? end = DateRules.Parse(query.First("end_date"));
            if (start == null || end == null)
            {
                Refuse("start_date and end_date are required as YYYY-MM-DD (got '" + query.First("start_date") + "', '" + query.First("end_date") + "').");
            }

            string? granularity = query.First("granularity");
            if (granularity == null || !TimeBuckets.Granularities.Contains(granularity))
            {
                Refuse("granularity must be one of " + string.Join(", ", TimeBuckets.Granularities) + " (got '" + granularity + "').");
            }

            DateRules rules = granularity == "HOUR" ? DateRules.Hourly : DateRules.Sync;
            string? dateProblem = rules.Problem(start!.Value, end!.Value, context.Now.UtcDateTime.Date);
            if (dateProblem != null)
            {
                Refuse(dateProblem);
            }

            List<string> columns = query.List("columns") ?? new List<string>();
            if (columns.Count == 0)
            {
                Refuse("columns is required: a comma-separated list such as SPEND_IN_DOLLAR,IMPRESSION_1.");
            }

            foreach (string column in columns.Where(c => !AnalyticsColumns.Sync.Contains(c)))
            {
                Refuse("'" + column + "' is not a valid column. Did you mean " + AnalyticsColumns.Nearest(column, AnalyticsColumns.Sync) + "?");
            }

            int? click = WindowDays(query.First("click_window_days"), 30);
            int? engagement = WindowDays(query.First("engagement_window_days"), 30);
            int? view = WindowDays(query.First("view_window_days"), 1);
            if (click == null || engagement == null || view == null)
            {
                Refuse("click_window_days, engagement_window_days and view_window_days must be one of 0, 1, 7, 14, 30, 60.");
            }

            CheckEnum(query.First("conversion_report_time"), ReportTimes, "conversion_report_time", Refuse);
            CheckEnum(query.First("reporting_timezone"), TimeZones, "reporting_timezone", Refuse);
            IReadOnlyList<string> ids = EntityIds(adAccountId, level, query, Refuse);

            var spec = new RowSpec(adAccountId, level, ids, start.Value, end.Value, granularity!, columns, new AttributionWindows(click!.Value, view!.Value));
            bool aggregate = query.First("aggregate_report_rows") == "true" && level.Collection != null;
            RowBuilder builder = _data.Live(adAccountId, level);
            var rows = new JsonArray((aggregate ? builder.AggregatedRows(spec) : builder.Rows(spec)).Select(r => (JsonNode)r.ToJson()).ToArray());
            return ApiResults.Json(200, rows);
        }

        private static void CheckEnum(string? value, string[] allowed, string name, Action<string> refuse)
        {
            if (value != null && !allowed.Contains(value))
            {
                refuse(name + " must be one of " + string.Join(", ", allowed) + " (got '" + value + "').");
            }
        }

        /// <summary>The level's ids (1-250 digit strings); for ads, ad_ids or campaign_ids with pin_ids.</summary>
        private IReadOnlyList<string> EntityIds(string adAccountId, AnalyticsLevel level, QueryParameters query, Action<string> refuse)
        {
            if (level.IdsParameter == null)
            {
                return new[] { adAccountId };
            }

            List<string>? ids = query.List(level.IdsParameter);
            if (ids == null && level == AnalyticsLevel.Ad && query.Has("campaign_ids") && query.Has("pin_ids"))
            {
                List<string> campaigns = Checked(query.List("campaign_ids")!, "campaign_ids", MaxIds, refuse);
                List<string> pins = Checked(query.List("pin_ids")!, "pin_ids", MaxPinIds, refuse);
                lock (_ads.Sync)
                {
                    return _ads.Table(adAccountId, "ads").Values
                        .Where(ad => campaigns.Contains(JsonFields.String(ad, "campaign_id") ?? string.Empty) && pins.Contains(JsonFields.String(ad, "pin_id") ?? string.Empty))
                        .Select(ad => JsonFields.String(ad, "id")!).ToArray();
                }
            }

            if (ids == null)
            {
                refuse(level == AnalyticsLevel.Ad ? "The request must contain either ad_ids or both campaign_ids and pin_ids." : level.IdsParameter + " is required.");
            }

            return Checked(ids!, level.IdsParameter, MaxIds, refuse).Distinct(StringComparer.Ordinal).ToArray();
        }

        private static List<string> Checked(List<string> ids, string name, int max, Action<string> refuse)
        {
            if (ids.Count < 1 || ids.Count > max)
            {
                refuse(name + " takes between 1 and " + max + " ids (got " + ids.Count + ").");
            }

            string? bad = ids.FirstOrDefault(id => id.Length == 0 || id.Length > 18 || !id.All(char.IsDigit));
            if (bad != null)
            {
                refuse("'" + name + "' value '" + bad + "' must match the pattern: ^\\d+$");
            }

            return ids;
        }
    }
}
