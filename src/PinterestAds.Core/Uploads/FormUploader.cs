using System;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;

namespace PinterestAds.Core.Uploads
{
    /// <summary>
    /// One <c>multipart/form-data</c> POST of a file to an upload host (S3 for Pinterest): every
    /// form field first, in order, then the <c>file</c> part, streamed from disk. Nothing of
    /// Pinterest's goes with it: no bearer token (S3 refuses a second authentication), no
    /// Idempotency-Key, no permit of the request budget (the upload host is not the API). It uses
    /// the process's shared HttpClient, and instead of the API's per-attempt timeout an idle one.
    /// </summary>
    internal sealed class FormUploader
    {
        private readonly HttpClient _http;

        /// <param name="idle">How long nothing may move (no byte sent, no answer) before the attempt is abandoned.</param>
        public FormUploader(HttpClient http, TimeSpan idle)
        {
            _http = http;
            Idle = idle;
        }

        public TimeSpan Idle { get; }

        public async Task<UploadOutcome> PostAsync(UploadForm form, UploadFile file, ProgressMeter meter, ICallObserver observer, CancellationToken cancellationToken)
        {
            using var idle = new IdleTimeout(Idle, cancellationToken);
            using var content = Build(form, file, meter, idle);
            using var message = new HttpRequestMessage(HttpMethod.Post, form.Url) { Content = content };
            if (observer.DebugEnabled)
            {
                // Field names only: their values are the upload's credentials (policy, signature, session token).
                observer.Debug($"POST {form.Url} (upload host; no Authorization, no Idempotency-Key)\nform fields: {string.Join(", ", form.Fields.Select(f => f.Key))}, then file '{file.Name}' ({ByteSize.Format(file.Length)})");
            }

            var clock = System.Diagnostics.Stopwatch.StartNew();
            try
            {
                using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, idle.Token).ConfigureAwait(false);
                idle.Poke();
                using var body = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                var reply = await HostReply.ReadAsync((int)response.StatusCode, body, idle.Token).ConfigureAwait(false);
                if (observer.DebugEnabled)
                {
                    observer.Debug($"upload host answered {reply.Describe()} after {clock.Elapsed.TotalSeconds:0.0} s");
                }

                return UploadOutcome.Of(reply);
            }
            catch (OperationCanceledException) when (idle.Expired)
            {
                return UploadOutcome.Retry($"nothing moved for {Limiting.Durations.Format(Idle)} after {Sent(meter, file)} (PINTEREST_ADS_TIMEOUT)");
            }
            catch (Exception ex) when (ex is HttpRequestException || ex is System.IO.IOException || ex is UnauthorizedAccessException)
            {
                // The file's own problems are not the network's: sending again would not help.
                if (Find<FileChangedException>(ex) is FileChangedException changed)
                {
                    return UploadOutcome.Refused(changed.Message);
                }

                if (((Exception?)Find<UnauthorizedAccessException>(ex) ?? Find<System.IO.FileNotFoundException>(ex)) is Exception unreadable)
                {
                    return UploadOutcome.Refused($"'{file.FullPath}' cannot be read: {unreadable.Message}");
                }

                return UploadOutcome.Retry($"the connection to the upload host failed after {Sent(meter, file)}: {ex.GetBaseException().Message}");
            }
        }

        /// <summary>The form: fields as plain parts (no content type, as curl -F and browsers send them), then the file.</summary>
        private static MultipartFormDataContent Build(UploadForm form, UploadFile file, ProgressMeter meter, IdleTimeout idle)
        {
            string boundary = "PinterestAds-" + Guid.NewGuid().ToString("N");
            var content = new MultipartFormDataContent(boundary);

            // .NET quotes the boundary parameter; send it bare, as curl and browsers do, so a host
            // that does not unquote it still finds the parts.
            content.Headers.ContentType!.Parameters.First(p => p.Name == "boundary").Value = boundary;
            foreach (var field in form.Fields)
            {
                var part = new ByteArrayContent(Encoding.UTF8.GetBytes(field.Value));
                part.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quote(field.Key) };
                content.Add(part);
            }

            var filePart = new FileContent(file, meter, idle);
            filePart.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = Quote("file"), FileName = Quote(SafeFileName(file.Name)) };
            content.Add(filePart);
            return content;
        }

        private static string Quote(string value) => "\"" + value + "\"";

        /// <summary>The key comes from the policy, not the file name; a name with quotes or non-ASCII letters would only risk the header.</summary>
        private static string SafeFileName(string name) =>
            new string(name.Select(c => c < 0x20 || c > 0x7E || c == '"' || c == '\\' ? '_' : c).ToArray());

        private static string Sent(ProgressMeter meter, UploadFile file) => $"{ByteSize.Format(meter.BytesSent)} of {ByteSize.Format(file.Length)}";

        private static T? Find<T>(Exception exception)
            where T : Exception
        {
            for (Exception? current = exception; current != null; current = current.InnerException)
            {
                if (current is T found)
                {
                    return found;
                }
            }

            return null;
        }
    }
}
