using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Http;

namespace PinterestAds.Core.Analytics.AsyncReports
{
    /// <summary>
    /// The download of a finished report's file: a plain GET of its pre-signed storage URL with the
    /// shared HttpClient, without Pinterest's bearer token (the storage refuses a second credential)
    /// and outside the request budget (it is not a call to Pinterest's API). Files can be very large,
    /// so there is no overall deadline: the download fails when no byte arrives for
    /// <see cref="StallTimeout"/>, however long it takes in all.
    /// </summary>
    internal sealed class ReportDownload : IDisposable
    {
        /// <summary>How long the storage may send nothing (headers or body bytes) before the download counts as failed.</summary>
        public static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(60);

        private readonly HttpResponseMessage _response;

        private ReportDownload(HttpResponseMessage response, Stream body)
        {
            _response = response;
            Body = body;
        }

        /// <summary>The file as it arrives.</summary>
        public Stream Body { get; }

        /// <exception cref="ReportDownloadException">The storage answered an error or nothing.</exception>
        public static async Task<ReportDownload> OpenAsync(Uri url, CancellationToken cancellationToken)
        {
            using var headers = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            headers.CancelAfter(StallTimeout);
            HttpResponseMessage response;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                response = await SharedHttpClient.Instance.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, headers.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw new ReportDownloadException($"the storage did not answer within {StallTimeout.TotalSeconds:0} s", expired: false, ex);
            }
            catch (HttpRequestException ex)
            {
                throw new ReportDownloadException(ex.GetBaseException().Message, expired: false, ex);
            }

            if (!response.IsSuccessStatusCode)
            {
                using (response)
                {
                    string detail = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    string code = StorageErrorCode(detail);
                    bool expired = (int)response.StatusCode == 403 && (code == "AccessDenied" || detail.IndexOf("expired", StringComparison.OrdinalIgnoreCase) >= 0);
                    throw new ReportDownloadException($"the storage answered {(int)response.StatusCode}{(code.Length > 0 ? " " + code : string.Empty)}", expired, null);
                }
            }

            var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            return new ReportDownload(response, new StallGuardStream(body, StallTimeout));
        }

        public void Dispose()
        {
            Body.Dispose();
            _response.Dispose();
        }

        /// <summary>The Code of an S3-style XML error body (<c>&lt;Error&gt;&lt;Code&gt;AccessDenied&lt;/Code&gt;…</c>); empty when there is none.</summary>
        private static string StorageErrorCode(string body)
        {
            int start = body.IndexOf("<Code>", StringComparison.Ordinal);
            int end = start < 0 ? -1 : body.IndexOf("</Code>", start, StringComparison.Ordinal);
            return end > start ? body.Substring(start + 6, end - start - 6).Trim() : string.Empty;
        }
    }
}
