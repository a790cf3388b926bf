using System;
using System.Globalization;
using PinterestAds.Testing.Http;
using PinterestAds.Testing.Routing;
using PinterestAds.Testing.Uploads;

namespace PinterestAds.Testing.Reports
{
    /// <summary>
    /// <c>GET /reports-download/{token}/{file}</c>: the pre-signed storage URL of a finished report.
    /// Like S3 it refuses an Authorization header next to the URL's signature, a bad signature and
    /// an expired URL, and streams the file as it is generated (Content-Length known up front).
    /// </summary>
    internal sealed class ReportDownloadEndpoint : IEndpointModule
    {
        public const string PathPrefix = "/reports-download/";

        private readonly ReportStore _store;
        private readonly Func<DateTimeOffset> _clock;

        public ReportDownloadEndpoint(ReportStore store, Func<DateTimeOffset> clock)
        {
            _store = store;
            _clock = clock;
        }

        public void Map(Router router) => router.Map("GET", PathPrefix + "{token}/{file}", RouteSecurity.Anonymous, Download);

        private HttpResponseData Download(RequestContext context)
        {
            string requestId = S3Signer.RandomHex(8).ToUpperInvariant();
            if (context.Request.GetHeader("Authorization") != null)
            {
                return S3Error.TwoAuthMechanisms().ToResponse(requestId);
            }

            string token = context.Route("token");
            string? issued = context.Query.First("X-Amz-Date");
            string? signature = context.Query.First("X-Amz-Signature");
            if (issued == null || signature == null || !string.Equals(_store.Sign(token, issued), signature, StringComparison.Ordinal))
            {
                return S3Error.SignatureMismatch().ToResponse(requestId);
            }

            DateTimeOffset now = _clock();
            if (!DateTimeOffset.TryParseExact(issued, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset issuedAt)
                || now > issuedAt + _store.UrlLifetime)
            {
                return S3Error.Expired().ToResponse(requestId);
            }

            ReportJob? job = _store.Find(token);
            if (job == null || job.Size == null || context.Route("file") != job.FileName || _store.Poll(job, now, countPoll: false) != ReportStore.Finished)
            {
                return S3Error.NoSuchKey().ToResponse(requestId);
            }

            return HttpResponseData.Streamed(200, job.Format == "CSV" ? "text/csv" : "application/json", job.Size.Value, (stream, cancel) => ReportFile.WriteAsync(job, stream, cancel));
        }
    }
}
