namespace PinterestAds.Core.Uploads
{
    /// <summary>What one POST to the upload host came to, and what to do next.</summary>
    internal sealed class UploadOutcome
    {
        private UploadOutcome(UploadVerdict verdict, string detail)
        {
            Verdict = verdict;
            Detail = detail;
        }

        public UploadVerdict Verdict { get; }

        /// <summary>What happened, in words: the host's answer, or how the connection failed.</summary>
        public string Detail { get; }

        public static UploadOutcome Accepted(string detail) => new UploadOutcome(UploadVerdict.Accepted, detail);

        public static UploadOutcome Retry(string detail) => new UploadOutcome(UploadVerdict.RetrySame, detail);

        public static UploadOutcome NewUrl(string detail) => new UploadOutcome(UploadVerdict.NewUrl, detail);

        public static UploadOutcome Refused(string detail) => new UploadOutcome(UploadVerdict.Refused, detail);

        /// <summary>The host's answer as a verdict: policy problems need a fresh upload URL, busy or broken hosts another try.</summary>
        public static UploadOutcome Of(HostReply reply)
        {
            string said = "the upload host answered " + reply.Describe();
            if (reply.IsSuccess)
            {
                return Accepted(said);
            }

            // 403: the POST policy expired, or its signature or conditions no longer hold; an
            // expired session token is a 400. Only a fresh registration gives a usable policy.
            if (reply.Status == 403 || reply.Code is "ExpiredToken" or "TokenRefreshRequired" or "InvalidToken")
            {
                return NewUrl(said);
            }

            // S3's RequestTimeout (a 400), SlowDown (503), InternalError (500): try again.
            if (reply.Status == 408 || reply.Status == 429 || reply.Status >= 500 || reply.Code == "RequestTimeout")
            {
                return Retry(said);
            }

            return Refused(said);
        }
    }

    internal enum UploadVerdict
    {
        /// <summary>The host has the file.</summary>
        Accepted,

        /// <summary>Send the file again to the same URL (after a pause).</summary>
        RetrySame,

        /// <summary>The upload URL no longer works: register again for a new one.</summary>
        NewUrl,

        /// <summary>Sending again would fail the same way.</summary>
        Refused,
    }
}
