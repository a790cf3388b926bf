using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;
using PinterestAds.Core.Resilience;
using PinterestAds.Core.Session;
using PinterestAds.Core.Uploads;

namespace PinterestAds.Core.Media
{
    /// <summary>
    /// Sends one video to Pinterest the way FACTS §7 describes: register it (<c>POST /media</c>,
    /// through the request pipeline like any call), POST the file to the upload host with the
    /// registration's form fields, then poll <c>GET /media/{id}</c> until Pinterest has processed
    /// it. A dropped or failed upload is tried again with backoff, after a fresh registration when
    /// the upload URL no longer works; the errors name the file and the media.
    /// </summary>
    public static class VideoSender
    {
        /// <summary>Tries of the upload, the first included, before it is an error.</summary>
        public const int MaxAttempts = 4;

        public static Task<VideoMedia> SendAsync(PinterestAdsContext context, UploadFile file, MediaWait wait, IUploadProgress progress, ICallObserver observer, CancellationToken cancellationToken) =>
            SendAsync(context, SharedHttpClient.Instance, file, wait, progress, observer, cancellationToken);

        internal static async Task<VideoMedia> SendAsync(PinterestAdsContext context, HttpClient http, UploadFile file, MediaWait wait, IUploadProgress progress, ICallObserver observer, CancellationToken cancellationToken)
        {
            var meter = new ProgressMeter(file, progress);
            try
            {
                var mediaId = await UploadAsync(context, new FormUploader(http, context.RequestTimeout), file, meter, observer, cancellationToken).ConfigureAwait(false);
                return await MediaProcessing.WaitAsync(context, mediaId, file, wait, meter, observer, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                meter.Stage(UploadStage.Completed);
            }
        }

        /// <summary>Registers and uploads until the host has the file; returns the media it went to.</summary>
        private static async Task<PinterestId> UploadAsync(PinterestAdsContext context, FormUploader uploader, UploadFile file, ProgressMeter meter, ICallObserver observer, CancellationToken cancellationToken)
        {
            var delays = new RetryDelays(new RetryOptions { TimeProvider = context.Budget.TimeProvider });
            meter.Stage(UploadStage.Registering);
            var registration = await MediaService.RegisterAsync(context, observer, cancellationToken).ConfigureAwait(false);
            for (int attempt = 1; ; attempt++)
            {
                meter.MediaId = registration.MediaId.ToString();
                meter.StartAttempt(attempt);
                var outcome = await uploader.PostAsync(registration.Form, file, meter, observer, cancellationToken).ConfigureAwait(false);
                string what = $"'{file.Name}' (media {registration.MediaId})";
                switch (outcome.Verdict)
                {
                    case UploadVerdict.Accepted:
                        observer.Verbose($"Uploaded {what}, {ByteSize.Format(file.Length)}: {outcome.Detail}.");
                        return registration.MediaId;
                    case UploadVerdict.Refused:
                        throw MediaErrors.UploadFailed(file, registration.MediaId, attempt, outcome.Detail, FailureKind.InvalidResult);
                }

                if (attempt >= MaxAttempts)
                {
                    throw MediaErrors.UploadFailed(file, registration.MediaId, attempt, outcome.Detail, FailureKind.Connection);
                }

                if (outcome.Verdict == UploadVerdict.NewUrl)
                {
                    // The policy expired or no longer holds: only a new registration gives one that does.
                    observer.Verbose($"The upload of {what} was refused ({outcome.Detail}); registering the video again for a fresh upload URL.");
                    meter.Stage(UploadStage.Registering, outcome.Detail);
                    registration = await MediaService.RegisterAsync(context, observer, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var pause = delays.Before(new RetryCause(outcome.Detail, null), attempt).Wait;
                observer.Verbose($"The upload of {what} failed ({outcome.Detail}); sending it again in {Limiting.Durations.Format(pause)} (attempt {attempt + 1} of {MaxAttempts}).");
                meter.Stage(UploadStage.Retrying, outcome.Detail);
                await context.Budget.TimeProvider.Delay(pause, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
