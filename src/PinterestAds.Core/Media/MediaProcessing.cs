using System;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Session;
using PinterestAds.Core.Uploads;

namespace PinterestAds.Core.Media
{
    /// <summary>
    /// Waits for Pinterest to process an uploaded video: <c>GET /media/{id}</c> at once, then after
    /// 1 s, doubling to at most 10 s between polls (Pinterest's quickstart does the same), until it
    /// is succeeded; failed, or still processing at the deadline, is an error naming the file and the media.
    /// </summary>
    internal static class MediaProcessing
    {
        public static readonly TimeSpan FirstPause = TimeSpan.FromSeconds(1);
        public static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(10);

        public static async Task<VideoMedia> WaitAsync(PinterestAdsContext context, PinterestId mediaId, UploadFile file, MediaWait wait, ProgressMeter meter, ICallObserver observer, CancellationToken cancellationToken)
        {
            var time = context.Budget.TimeProvider;
            var started = time.GetUtcNow();
            var pause = FirstPause;
            bool atDeadline = false;
            while (true)
            {
                var media = await MediaService.GetAsync(context, mediaId, observer, cancellationToken).ConfigureAwait(false);
                media.Path = file.FullPath;
                media.Length = file.Length;
                meter.Stage(UploadStage.Processing, media.Status);
                if (media.Status == MediaStatus.Succeeded || !wait.UntilProcessed)
                {
                    return media;
                }

                if (media.Status == MediaStatus.Failed)
                {
                    throw MediaErrors.ProcessingFailed(file, mediaId);
                }

                var left = started + wait.Timeout - time.GetUtcNow();
                if (atDeadline || left <= TimeSpan.Zero)
                {
                    throw MediaErrors.ProcessingTimedOut(file, mediaId, wait.Timeout, media.Status);
                }

                // The last poll falls on the deadline, so a video done just in time is not missed. It
                // is the last even when the timer wakes a hair before the clock reads the deadline.
                atDeadline = pause >= left;
                await time.Delay(atDeadline ? left : pause, cancellationToken).ConfigureAwait(false);
                pause = pause + pause < LongestPause ? pause + pause : LongestPause;
            }
        }
    }
}
