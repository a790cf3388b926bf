using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Analytics.Parsing;

namespace PinterestAds.Core.Analytics.AsyncReports
{
    /// <summary>
    /// The rows of a finished report's file, one at a time as they download. A download that fails
    /// (storage error, broken connection, a stall) is started again from a fresh URL up to
    /// <see cref="Attempts"/> times in all, skipping the rows already handed out.
    /// </summary>
    internal sealed class ReportRows : IDisposable
    {
        private const int Attempts = 3;

        private readonly AsyncReport _report;
        private readonly string _token;
        private ReportDownload? _download;
        private JsonRowReader? _reader;
        private long _handedOut;
        private long _toSkip;
        private int _attempt;

        public ReportRows(AsyncReport report, string token)
        {
            _report = report;
            _token = token;
        }

        public async Task<RawRow?> NextAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                try
                {
                    if (_reader is null)
                    {
                        Uri url = await _report.WaitAsync(_token, cancellationToken).ConfigureAwait(false);
                        _attempt++;
                        _download = await ReportDownload.OpenAsync(url, cancellationToken).ConfigureAwait(false);
                        _reader = new JsonRowReader(_download.Body);
                        _toSkip = _handedOut;
                    }

                    var row = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    if (row is null)
                    {
                        return null;
                    }

                    if (_toSkip > 0)
                    {
                        _toSkip--;
                        continue;
                    }

                    _handedOut++;
                    return row;
                }
                catch (Exception ex) when (ex is ReportDownloadException || ex is IOException || ex is HttpRequestException)
                {
                    Close();
                    if (_attempt >= Attempts)
                    {
                        throw ReportErrors.DownloadFailed(_report.What, _token, _handedOut, ex.Message, ex);
                    }
                }
                catch (FormatException ex)
                {
                    throw ReportErrors.Unreadable(_report.What, _token, ex.Message);
                }
            }
        }

        public void Dispose() => Close();

        private void Close()
        {
            _reader?.Dispose();
            _download?.Dispose();
            _reader = null;
            _download = null;
        }
    }
}
