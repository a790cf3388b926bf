using System;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Analytics.AsyncReports
{
    /// <summary>The errors of async reports: each says what happened to the report and what to do.</summary>
    internal static class ReportErrors
    {
        public const string EndedId = "asyncReportEnded";
        public const string TimeoutId = "asyncReportTimeout";
        public const string DownloadId = "asyncReportDownloadFailed";

        /// <param name="what">"ad account 1, CAMPAIGN, 2024-01-01 to 2024-06-30".</param>
        public static PinterestAdsException Ended(string what, string token, string status)
        {
            string happened = status switch
            {
                "EXPIRED" => "expired before it could be downloaded (Pinterest keeps a report for an hour)",
                "CANCELLED" => "was cancelled",
                "DOES_NOT_EXIST" => "no longer exists on Pinterest",
                _ => "failed on Pinterest's side",
            };
            return new PinterestAdsException(
                EndedId,
                status == "EXPIRED" ? FailureKind.OperationTimeout : FailureKind.Server,
                $"Pinterest's async report for {what} {happened} (report_status {status}, token {token}); none of its rows were read. Run the command again to request a new report.",
                "Run the command again: a new report is requested. If it keeps failing, narrow the dates or the ids.")
            {
                Target = token,
            };
        }

        public static PinterestAdsException NotReady(string what, string token, TimeSpan waited) =>
            new PinterestAdsException(
                TimeoutId,
                FailureKind.OperationTimeout,
                $"Pinterest's async report for {what} was still IN_PROGRESS after {waited.TotalMinutes:0} minutes (token {token}); none of its rows were read. Run the command again later, or ask for fewer ids or days at a time.",
                "Run the command again later, or narrow the dates or the ids.")
            {
                Target = token,
            };

        public static PinterestAdsException DownloadFailed(string what, string token, long rowsRead, string reason, Exception? inner) =>
            new PinterestAdsException(
                DownloadId,
                FailureKind.Connection,
                $"The file of Pinterest's async report for {what} could not be downloaded ({reason}) after {rowsRead} row(s) (token {token}); the rows read so far were written. Run the command again to read the report anew.",
                "Check the network path to Pinterest's report storage and run the command again.",
                inner)
            {
                Target = token,
            };

        public static PinterestAdsException Unreadable(string what, string token, string reason) =>
            new PinterestAdsException(
                InvalidResponse.ErrorId,
                FailureKind.InvalidResult,
                $"The file of Pinterest's async report for {what} cannot be read ({reason}) (token {token}). Run the command again; if it persists, quote the token to Pinterest's support.",
                "Run the command again; if it persists, quote the token to Pinterest's support.")
            {
                Target = token,
            };
    }
}
