using System;
using System.Collections.Generic;
using System.Linq;
using PinterestAds.Testing.Uploads;

namespace PinterestAds.Testing.Media
{
    /// <summary>
    /// Test controls for video media (<see cref="PinTestServer.Media"/>): how processing advances,
    /// how long upload URLs work, dropped uploads, and a look at every registered media.
    /// </summary>
    public sealed class MediaControl
    {
        private readonly MediaStore _store;
        private readonly UploadBucket _bucket;
        private readonly Func<DateTimeOffset> _clock;

        internal MediaControl(MediaStore store, UploadBucket bucket, Func<DateTimeOffset> clock)
        {
            _store = store;
            _bucket = bucket;
            _clock = clock;
        }

        /// <summary>
        /// How many <c>GET /v5/media/{id}</c> answers say "processing" after an upload before the
        /// outcome (succeeded, or failed when the bytes were not a video) shows. Default 1; 0 = at once.
        /// </summary>
        public int ProcessingPolls
        {
            get => _store.ProcessingPolls;
            set => _store.ProcessingPolls = value;
        }

        /// <summary>When set, processing also ends once this much server-clock time has passed since the upload (see <see cref="PinTestServer.AdvanceClock"/>).</summary>
        public TimeSpan? ProcessingDelay
        {
            get => _store.ProcessingDelay;
            set => _store.ProcessingDelay = value;
        }

        /// <summary>How long an upload URL's POST policy accepts the file (default 1 hour); later uploads get S3's 403 "Policy expired".</summary>
        public TimeSpan UploadUrlLifetime
        {
            get => _bucket.PolicyLifetime;
            set => _bucket.PolicyLifetime = value;
        }

        /// <summary>Ids of every registered media, oldest first.</summary>
        public IReadOnlyList<string> MediaIds => _store.All(_clock()).Select(m => m.Id).ToArray();

        /// <summary>
        /// The next <paramref name="times"/> uploads lose their TCP connection once
        /// <paramref name="afterBytes"/> bytes of the file part have arrived (a network drop mid-body;
        /// the media stays "registered" and its upload URL stays usable).
        /// </summary>
        public void DropUploadAfter(long afterBytes, int times = 1) => _bucket.DropUploads(afterBytes, times);

        /// <summary>A media's current state (no poll is counted); null when the id is unknown.</summary>
        public MediaInfo? GetMedia(string mediaId)
        {
            MediaRecord? media = _store.Find(mediaId);
            if (media == null)
            {
                return null;
            }

            string status = _store.Status(media, _clock(), countPoll: false);
            return new MediaInfo(media.Id, status, media.UploadedBytes, media.DetectedFormat, media.ProcessingPolls);
        }

        /// <summary>Registers a media as if its upload had been processed already: succeeded (a video) or failed (not one). Returns its id.</summary>
        public string AddProcessedVideo(bool succeeded = true) => _store.AddProcessed(_clock(), succeeded).Id;
    }

    /// <summary>A snapshot of one registered media.</summary>
    public sealed class MediaInfo
    {
        internal MediaInfo(string mediaId, string status, long uploadedBytes, string? detectedFormat, int processingPolls)
        {
            MediaId = mediaId;
            Status = status;
            UploadedBytes = uploadedBytes;
            DetectedFormat = detectedFormat;
            ProcessingPolls = processingPolls;
        }

        public string MediaId { get; }

        /// <summary>registered, processing, succeeded or failed.</summary>
        public string Status { get; }

        /// <summary>Bytes of the last accepted upload (0 before one).</summary>
        public long UploadedBytes { get; }

        /// <summary>mp4, mov, webm, mkv, avi, mpeg-ps or mpeg-ts; null when nothing or no video was uploaded.</summary>
        public string? DetectedFormat { get; }

        /// <summary>Polls answered "processing" since the last upload.</summary>
        public int ProcessingPolls { get; }

        public override string ToString() => MediaId + " " + Status;
    }
}
