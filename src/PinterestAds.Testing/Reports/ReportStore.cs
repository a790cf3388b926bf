using System;
using System.Collections.Generic;
using PinterestAds.Testing.Uploads;

namespace PinterestAds.Testing.Reports
{
    /// <summary>
    /// Async report jobs and their download URLs. A job answers IN_PROGRESS to
    /// <see cref="PollsUntilFinished"/> polls, then FINISHED with a pre-signed URL on the fake itself
    /// (valid <see cref="UrlLifetime"/>), and EXPIRED once <see cref="Retention"/> has passed.
    /// </summary>
    internal sealed class ReportStore
    {
        public const string Finished = "FINISHED";
        public const string InProgress = "IN_PROGRESS";
        public const string Expired = "EXPIRED";
        public const string DoesNotExist = "DOES_NOT_EXIST";

        public static readonly string[] ForcibleStatuses = { Finished, Expired, "FAILED", "CANCELLED" };

        private readonly object _sync = new object();
        private readonly Dictionary<string, ReportJob> _jobs = new Dictionary<string, ReportJob>(StringComparer.Ordinal);
        private readonly S3Signer _signer = new S3Signer();
        private int _pollsUntilFinished = 1;

        public int PollsUntilFinished
        {
            get { lock (_sync) { return _pollsUntilFinished; } }
            set
            {
                if (value < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(value), "PollsUntilFinished cannot be negative.");
                }

                lock (_sync)
                {
                    _pollsUntilFinished = value;
                }
            }
        }

        /// <summary>How long a download URL works (Pinterest: 5 minutes).</summary>
        public TimeSpan UrlLifetime { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>How long a finished report stays (Pinterest: 1 hour).</summary>
        public TimeSpan Retention { get; set; } = TimeSpan.FromHours(1);

        public IReadOnlyList<string> Tokens
        {
            get { lock (_sync) { return new List<string>(_jobs.Keys); } }
        }

        public static string NewToken() => S3Signer.RandomHex(24);

        public void Add(ReportJob job)
        {
            lock (_sync)
            {
                _jobs[job.Token] = job;
            }
        }

        public ReportJob? Find(string token)
        {
            lock (_sync)
            {
                return _jobs.TryGetValue(token, out var job) ? job : null;
            }
        }

        /// <summary>Forces a job's status (FINISHED, EXPIRED, FAILED or CANCELLED).</summary>
        public void Force(string token, string status, DateTimeOffset now)
        {
            lock (_sync)
            {
                ReportJob job = Find(token) ?? throw new ArgumentException("No report with token " + token + ".", nameof(token));
                job.ForcedStatus = status;
                if (status == Finished)
                {
                    job.FinishedAt ??= now;
                }
            }
        }

        /// <summary>The status a poll sees now; an IN_PROGRESS answer counts toward <see cref="PollsUntilFinished"/>.</summary>
        public string Poll(ReportJob job, DateTimeOffset now, bool countPoll)
        {
            lock (_sync)
            {
                if (job.ForcedStatus != null && job.ForcedStatus != Finished)
                {
                    return job.ForcedStatus;
                }

                if (job.FinishedAt == null)
                {
                    if (job.ForcedStatus == null && job.PollsAnswered < _pollsUntilFinished)
                    {
                        if (countPoll)
                        {
                            job.PollsAnswered++;
                        }

                        return InProgress;
                    }

                    job.FinishedAt = now;
                }

                return now - job.FinishedAt.Value > Retention ? Expired : Finished;
            }
        }

        /// <summary>Signs a download of <paramref name="token"/> issued at <paramref name="issued"/> (the pre-signed URL's X-Amz-Signature).</summary>
        public string Sign(string token, string issued) => _signer.Sign(token + "\n" + issued);
    }
}
