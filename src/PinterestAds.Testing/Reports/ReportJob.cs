using System;
using PinterestAds.Testing.Analytics;

namespace PinterestAds.Testing.Reports
{
    /// <summary>
    /// One async report: its frozen rows (spec + builder), its file format and its life:
    /// IN_PROGRESS for a number of polls, then FINISHED (or whatever a test forced), EXPIRED an
    /// hour after it finished. Mutable only under <see cref="ReportStore"/>'s lock.
    /// </summary>
    internal sealed class ReportJob
    {
        public ReportJob(string token, RowSpec spec, RowBuilder rows, string format, bool byDate)
        {
            Token = token;
            Spec = spec;
            Rows = rows;
            Format = format;
            ByDate = byDate;
        }

        public string Token { get; }

        public RowSpec Spec { get; }

        public RowBuilder Rows { get; }

        /// <summary>JSON or CSV.</summary>
        public string Format { get; }

        /// <summary>primary_sort BY_DATE: JSON keyed by date instead of entity id.</summary>
        public bool ByDate { get; }

        public int PollsAnswered { get; set; }

        /// <summary>EXPIRED, FAILED or CANCELLED when a test forced it; FINISHED when a test finished it early.</summary>
        public string? ForcedStatus { get; set; }

        public DateTimeOffset? FinishedAt { get; set; }

        /// <summary>File size in bytes, computed once on the first FINISHED poll.</summary>
        public long? Size { get; set; }

        public string FileName => "async_report_" + Token.Substring(0, 12) + (Format == "CSV" ? ".csv" : ".json");
    }
}
