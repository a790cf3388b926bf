using System;

namespace PinterestAds.Core.Analytics.AsyncReports
{
    /// <summary>A report download that failed; <see cref="Expired"/> when a fresh URL may help.</summary>
    internal sealed class ReportDownloadException : Exception
    {
        public ReportDownloadException(string reason, bool expired, Exception? inner)
            : base(reason, inner)
        {
            Expired = expired;
        }

        public bool Expired { get; }
    }
}
