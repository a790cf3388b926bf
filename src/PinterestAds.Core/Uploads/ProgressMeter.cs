using System;
using System.Diagnostics;

namespace PinterestAds.Core.Uploads
{
    /// <summary>
    /// Counts one file's bytes as they go out and tells <see cref="IUploadProgress"/> where the
    /// upload stands: at every change of stage, and while bytes flow at most every
    /// <see cref="Interval"/> (a report per buffer would flood the pipeline with progress records).
    /// Used by one upload at a time.
    /// </summary>
    internal sealed class ProgressMeter
    {
        public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

        // Rates measured over less than this swing too much to predict a finish.
        private static readonly TimeSpan RateWarmUp = TimeSpan.FromMilliseconds(500);

        private readonly UploadFile _file;
        private readonly IUploadProgress _sink;
        private readonly Stopwatch _clock = new Stopwatch();
        private TimeSpan _lastReport;
        private int _attempt = 1;

        public ProgressMeter(UploadFile file, IUploadProgress sink)
        {
            _file = file;
            _sink = sink;
        }

        public string? MediaId { get; set; }

        public long BytesSent { get; private set; }

        /// <summary>A new try of the upload: the count starts again from zero.</summary>
        public void StartAttempt(int attempt)
        {
            _attempt = attempt;
            BytesSent = 0;
            _clock.Restart();
            _lastReport = TimeSpan.Zero;
            Report(UploadStage.Uploading, null);
        }

        /// <summary>Bytes handed to the connection; called from the one thread writing the body.</summary>
        public void Sent(int bytes)
        {
            BytesSent += bytes;
            var now = _clock.Elapsed;
            if (now - _lastReport >= Interval || BytesSent == _file.Length)
            {
                _lastReport = now;
                Report(UploadStage.Uploading, null);
            }
        }

        public void Stage(UploadStage stage, string? detail = null) => Report(stage, detail);

        private void Report(UploadStage stage, string? detail)
        {
            var elapsed = _clock.Elapsed;
            double rate = elapsed >= RateWarmUp ? BytesSent / elapsed.TotalSeconds : 0;
            _sink.Report(new UploadProgress(_file, stage)
            {
                MediaId = MediaId,
                Attempt = _attempt,
                BytesSent = BytesSent,
                BytesPerSecond = rate,
                Remaining = rate > 0 ? TimeSpan.FromSeconds((_file.Length - BytesSent) / rate) : (TimeSpan?)null,
                Detail = detail,
            });
        }
    }
}
