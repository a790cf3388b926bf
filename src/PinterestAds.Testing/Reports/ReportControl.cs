using System;
using System.Collections.Generic;

namespace PinterestAds.Testing.Reports
{
    /// <summary>
    /// Test controls for async reports (<see cref="PinTestServer.Reports"/>): how many polls stay
    /// IN_PROGRESS, how long URLs and files last, and forcing a report's status.
    /// </summary>
    public sealed class ReportControl
    {
        private readonly ReportStore _store;
        private readonly Func<DateTimeOffset> _clock;

        internal ReportControl(ReportStore store, Func<DateTimeOffset> clock)
        {
            _store = store;
            _clock = clock;
        }

        /// <summary>How many status polls answer IN_PROGRESS before FINISHED (default 1; 0 = finished at the first poll).</summary>
        public int PollsUntilFinished
        {
            get => _store.PollsUntilFinished;
            set => _store.PollsUntilFinished = value;
        }

        /// <summary>How long a download URL works (default 5 minutes, as on Pinterest); later downloads get S3's 403 "Request has expired".</summary>
        public TimeSpan DownloadUrlLifetime
        {
            get => _store.UrlLifetime;
            set => _store.UrlLifetime = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value));
        }

        /// <summary>How long a finished report is kept before its status turns EXPIRED (default 1 hour).</summary>
        public TimeSpan Retention
        {
            get => _store.Retention;
            set => _store.Retention = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value));
        }

        /// <summary>Tokens of every report requested so far.</summary>
        public IReadOnlyList<string> Tokens => _store.Tokens;

        /// <summary>Forces a report's status: FINISHED (skip the remaining polls), EXPIRED, FAILED or CANCELLED.</summary>
        public void SetStatus(string token, string status)
        {
            if (Array.IndexOf(ReportStore.ForcibleStatuses, status) < 0)
            {
                throw new ArgumentException("Use one of " + string.Join(", ", ReportStore.ForcibleStatuses) + ".", nameof(status));
            }

            _store.Force(token, status, _clock());
        }
    }
}
