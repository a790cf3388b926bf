using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Analytics.Parsing;
using PinterestAds.Core.Analytics.Planning;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Http;
using PinterestAds.Core.Idempotency;
using PinterestAds.Core.Json;
using PinterestAds.Core.Session;

namespace PinterestAds.Core.Analytics.AsyncReports
{
    /// <summary>
    /// One async report (<c>POST /ad_accounts/{id}/reports</c>): requested as JSON, polled with backoff
    /// (1 s doubling to 10 s) until FINISHED, then its file streamed row by row from the download URL.
    /// EXPIRED, FAILED and CANCELLED are errors that say so. A download that breaks off is resumed
    /// from a fresh URL, skipping the rows already read (the file's order is fixed).
    /// </summary>
    internal sealed class AsyncReport
    {
        private static readonly TimeSpan FirstPoll = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan LongestPoll = TimeSpan.FromSeconds(10);

        /// <summary>Pinterest builds most reports in seconds and large ones in minutes; past this the report is given up.</summary>
        private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(30);

        private readonly PinterestAdsContext _context;
        private readonly ReadSpec _spec;
        private readonly PlannedRequest _planned;
        private readonly ICallObserver _observer;
        private readonly string _account;
        private readonly LevelEndpoints _level;

        private AsyncReport(PinterestAdsContext context, ReadSpec spec, PlannedRequest planned, ICallObserver observer)
        {
            _context = context;
            _spec = spec;
            _planned = planned;
            _observer = observer;
            _account = spec.Query.AdAccountId.ToString();
            _level = LevelEndpoints.For(spec.Query.Level);
        }

        /// <summary>"ad account 1, CAMPAIGN, 2024-01-01 to 2024-06-30, 500 id(s)": what messages call the report.</summary>
        public string What => $"ad account {_account}, {_level.ReportLevel}, {_planned.Span}, {Endpoints.SyncAnalytics.Describe(_planned)}";

        public static async IAsyncEnumerable<RawRow> ReadAsync(
            PinterestAdsContext context,
            ReadSpec spec,
            PlannedRequest planned,
            ICallObserver observer,
            [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var report = new AsyncReport(context, spec, planned, observer);
            string token = await report.CreateAsync(cancellationToken).ConfigureAwait(false);
            using var rows = new ReportRows(report, token);
            while (await rows.NextAsync(cancellationToken).ConfigureAwait(false) is RawRow row)
            {
                yield return row;
            }
        }

        /// <summary>Polls until the report is FINISHED and returns its (fresh) download URL.</summary>
        public async Task<Uri> WaitAsync(string token, CancellationToken cancellationToken)
        {
            var request = ApiRequest.Get($"ad_accounts/{_account}/reports", "get_async_report").ForAdAccount(_account).WithQuery("token", token);
            var waited = TimeSpan.Zero;
            var pause = FirstPoll;
            while (true)
            {
                var answer = (await _context.Pipeline.SendAsync(request, _observer, cancellationToken).ConfigureAwait(false)).Json();
                string status = answer.GetStringOrNull("report_status") ?? "DOES_NOT_EXIST";
                if (status == "FINISHED" && answer.GetStringOrNull("url") is string url && Uri.TryCreate(url, UriKind.Absolute, out Uri? location))
                {
                    _observer.Verbose($"Async report {token} is finished" + (answer.TryGetProperty("size", out var size) && size.ValueKind == JsonValueKind.Number ? $" ({size.GetDouble().ToString("N0", CultureInfo.InvariantCulture)} bytes)." : "."));
                    return location;
                }

                if (status != "IN_PROGRESS" && status != "FINISHED")
                {
                    throw ReportErrors.Ended(What, token, status);
                }

                if (waited >= LongestWait)
                {
                    throw ReportErrors.NotReady(What, token, waited);
                }

                await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
                waited += pause;
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPoll.Ticks));
            }
        }

        private async Task<string> CreateAsync(CancellationToken cancellationToken)
        {
            var body = new Dictionary<string, object>
            {
                ["start_date"] = DateSpan.Format(_planned.Span.Start),
                ["end_date"] = DateSpan.Format(_planned.Span.End),
                ["granularity"] = _spec.GranularityName,
                ["level"] = _level.ReportLevel,
                ["columns"] = _spec.Columns,
                ["report_format"] = "JSON",
            };
            if (_level.ReportFilter is string filter)
            {
                body[filter] = _planned.Ids;
            }

            AddIfSet(body, "click_window_days", _spec.Query.ClickWindowDays);
            AddIfSet(body, "view_window_days", _spec.Query.ViewWindowDays);
            AddIfSet(body, "conversion_report_time", _spec.ConversionReportTime);
            var request = ApiRequest.Post($"ad_accounts/{_account}/reports", "create_async_report").ForAdAccount(_account).WithJsonBody(body);

            // Asking twice only makes a second report nobody downloads, so an unknown outcome is simply asked again.
            var answer = (await _context.Pipeline.SendAsync(request, WriteOptions.Repeatable, _observer, cancellationToken).ConfigureAwait(false)).Json();
            string token = answer.GetStringOrNull("token") ?? throw ReportErrors.Ended(What, "(none)", answer.GetStringOrNull("report_status") ?? "FAILED");
            _observer.Verbose($"Requested async report {token} for {What}.");
            return token;
        }

        private static void AddIfSet(Dictionary<string, object> body, string name, object? value)
        {
            if (value != null)
            {
                body[name] = value;
            }
        }
    }
}
