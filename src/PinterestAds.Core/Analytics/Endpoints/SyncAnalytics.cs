using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Analytics.Parsing;
using PinterestAds.Core.Analytics.Planning;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;
using PinterestAds.Core.Session;

namespace PinterestAds.Core.Analytics.Endpoints
{
    /// <summary>
    /// One request to a synchronous analytics endpoint (<c>GET /ad_accounts/{id}/campaigns/analytics</c>
    /// and its siblings): up to 250 ids and 90 days, answered with a bare array of rows that is read
    /// one row at a time. The answer itself is bounded by those limits, so it is read whole first,
    /// as the request pipeline reads every answer, and retried like any read.
    /// </summary>
    internal static class SyncAnalytics
    {
        public static async IAsyncEnumerable<RawRow> ReadAsync(
            PinterestAdsContext context,
            ReadSpec spec,
            PlannedRequest planned,
            ICallObserver observer,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var level = LevelEndpoints.For(spec.Query.Level);
            string account = spec.Query.AdAccountId.ToString();
            var request = ApiRequest.Get($"ad_accounts/{account}/{level.Path}", level.Operation)
                .ForAdAccount(account)
                .WithQuery("start_date", DateSpan.Format(planned.Span.Start))
                .WithQuery("end_date", DateSpan.Format(planned.Span.End))
                .WithQuery("granularity", spec.GranularityName)
                .WithQuery("columns", string.Join(",", spec.Columns))
                .WithQueryValues(level.IdsParameter ?? string.Empty, planned.Ids)
                .WithQuery("click_window_days", Text(spec.Query.ClickWindowDays))
                .WithQuery("view_window_days", Text(spec.Query.ViewWindowDays))
                .WithQuery("conversion_report_time", spec.ConversionReportTime);
            observer.Verbose($"{request.DisplayPath}: {planned.Span}, {Describe(planned)}.");
            var response = await context.Pipeline.SendAsync(request, observer, cancellationToken).ConfigureAwait(false);
            using var body = new MemoryStream(response.Body, writable: false);
            using var reader = new JsonRowReader(body);
            while (await NextAsync(reader, response, cancellationToken).ConfigureAwait(false) is RawRow row)
            {
                yield return row;
            }
        }

        internal static string Describe(PlannedRequest planned) => planned.Ids.Count == 0 ? "the whole ad account" : planned.Ids.Count.ToString(CultureInfo.InvariantCulture) + " id(s)";

        internal static string? Text(int? number) => number?.ToString(CultureInfo.InvariantCulture);

        private static async Task<RawRow?> NextAsync(JsonRowReader reader, ApiResponse response, CancellationToken cancellationToken)
        {
            try
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (FormatException ex)
            {
                throw InvalidResponse.Of(response, ex.Message);
            }
        }
    }
}
