using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PinterestAds.Testing.Uploads;

namespace PinterestAds.Testing.Media
{
    /// <summary>
    /// Registered videos and their processing. Processing is deterministic: a media is done after
    /// <see cref="ProcessingPolls"/> answers of "processing" to <c>GET /media/{id}</c>, or once
    /// <see cref="ProcessingDelay"/> of server-clock time has passed since its bytes arrived.
    /// </summary>
    internal sealed class MediaStore
    {
        private const long FirstMediaId = 5212123920968240771 - 1000000;
        private const string DefaultUserTag = OAuth.DefaultUser.Id;

        /// <summary>An ISO-BMFF header ("ftyp isom"): what <see cref="AddProcessed"/> pretends was uploaded.</summary>
        private static readonly byte[] Mp4Head = { 0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6F, 0x6D };

        private readonly object _sync = new object();
        private readonly SortedDictionary<long, MediaRecord> _media = new SortedDictionary<long, MediaRecord>();
        private readonly UploadBucket _bucket;
        private long _lastId = FirstMediaId;
        private int _processingPolls = 1;
        private TimeSpan? _processingDelay;

        public MediaStore(UploadBucket bucket)
        {
            _bucket = bucket;
        }

        public int ProcessingPolls
        {
            get { lock (_sync) { return _processingPolls; } }
            set
            {
                if (value < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), "ProcessingPolls cannot be negative.");
                }

                lock (_sync)
                {
                    _processingPolls = value;
                }
            }
        }

        public TimeSpan? ProcessingDelay
        {
            get { lock (_sync) { return _processingDelay; } }
            set
            {
                if (value < TimeSpan.Zero)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), "ProcessingDelay cannot be negative.");
                }

                lock (_sync)
                {
                    _processingDelay = value;
                }
            }
        }

        /// <summary>Registers a video and issues the POST policy its bytes must be uploaded with.</summary>
        public (MediaRecord Media, UploadPolicy Policy) Register(DateTimeOffset now, Func<DateTimeOffset> clock)
        {
            MediaRecord media;
            lock (_sync)
            {
                media = new MediaRecord(++_lastId, now);
                _media[media.NumericId] = media;
            }

            string objectName = (media.NumericId % 100).ToString("00", CultureInfo.InvariantCulture) + "/" + media.Id + ":video:" + DefaultUserTag;
            UploadPolicy policy = _bucket.Issue(objectName, now, file => Received(media, file, clock()));
            return (media, policy);
        }

        /// <summary>A media that went through upload and processing already (a test shortcut).</summary>
        public MediaRecord AddProcessed(DateTimeOffset now, bool isVideo)
        {
            var (media, _) = Register(now, () => now);
            Received(media, new ReceivedFile(1024, isVideo ? Mp4Head : new byte[] { 0x25, 0x50, 0x44, 0x46 }), now);
            lock (_sync)
            {
                media.Status = media.Outcome;
            }

            return media;
        }

        public MediaRecord? Find(string id)
        {
            if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out long numeric))
            {
                return null;
            }

            lock (_sync)
            {
                return _media.TryGetValue(numeric, out var media) ? media : null;
            }
        }

        /// <summary>The media's status now; a poll that still sees "processing" counts toward <see cref="ProcessingPolls"/>.</summary>
        public string Status(MediaRecord media, DateTimeOffset now, bool countPoll)
        {
            lock (_sync)
            {
                if (media.Status == MediaStatus.Processing)
                {
                    bool byTime = _processingDelay.HasValue && media.UploadedAt.HasValue && now - media.UploadedAt.Value >= _processingDelay.Value;
                    if (byTime || media.ProcessingPolls >= _processingPolls)
                    {
                        media.Status = media.Outcome;
                    }
                    else if (countPoll)
                    {
                        media.ProcessingPolls++;
                    }
                }

                return media.Status;
            }
        }

        /// <summary>Media in id order with their current status (no poll counted).</summary>
        public List<MediaRecord> All(DateTimeOffset now)
        {
            List<MediaRecord> all;
            lock (_sync)
            {
                all = _media.Values.ToList();
            }

            foreach (var media in all)
            {
                Status(media, now, countPoll: false);
            }

            return all;
        }

        /// <summary>Bytes arrived: processing starts over, and its outcome is decided by what the bytes are.</summary>
        private void Received(MediaRecord media, ReceivedFile file, DateTimeOffset now)
        {
            string? format = VideoSignature.Detect(file.Head);
            lock (_sync)
            {
                media.Status = MediaStatus.Processing;
                media.Outcome = format != null ? MediaStatus.Succeeded : MediaStatus.Failed;
                media.DetectedFormat = format;
                media.UploadedBytes = file.Length;
                media.UploadedAt = now;
                media.ProcessingPolls = 0;
            }
        }
    }
}
