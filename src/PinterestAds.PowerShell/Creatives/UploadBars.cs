using System;
using System.Management.Automation;
using PinterestAds.Core.Uploads;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Creatives
{
    /// <summary>
    /// One file's progress bar (Write-Progress by bytes, with the rate and the time left), under
    /// the overall bar of a pipeline of files when there is one. Reports arrive on upload threads;
    /// the records go through the bridge, so they are written on the pipeline thread.
    /// </summary>
    internal sealed class UploadBars : IUploadProgress
    {
        private readonly PipelineBridge _bridge;
        private readonly int _activityId;
        private readonly OverallBar? _overall;

        public UploadBars(PipelineBridge bridge, int activityId, OverallBar? overall = null)
        {
            _bridge = bridge;
            _activityId = activityId;
            _overall = overall;
        }

        public void Report(UploadProgress progress)
        {
            var record = new ProgressRecord(_activityId, $"Sending {progress.File.Name} to Pinterest", Status(progress))
            {
                ParentActivityId = _overall?.ActivityId ?? -1,
            };

            switch (progress.Stage)
            {
                case UploadStage.Uploading:
                    record.PercentComplete = (int)Math.Min(100, 100 * progress.BytesSent / Math.Max(1, progress.Length));
                    if (progress.Remaining is TimeSpan left)
                    {
                        record.SecondsRemaining = (int)Math.Ceiling(left.TotalSeconds);
                    }

                    break;
                case UploadStage.Processing:
                    record.PercentComplete = 100;
                    break;
                case UploadStage.Completed:
                    record.RecordType = ProgressRecordType.Completed;
                    break;
            }

            _bridge.Progress(record);
            if (_overall?.Update(progress) is ProgressRecord overall)
            {
                _bridge.Progress(overall);
            }
        }

        private static string Status(UploadProgress progress)
        {
            string media = progress.MediaId is null ? string.Empty : $"media {progress.MediaId}: ";
            switch (progress.Stage)
            {
                case UploadStage.Registering:
                    return progress.Detail is null ? "Registering the video with Pinterest" : $"Registering again for a fresh upload URL ({progress.Detail})";
                case UploadStage.Uploading:
                    string rate = progress.BytesPerSecond > 0 ? " at " + ByteSize.Rate(progress.BytesPerSecond) : string.Empty;
                    string attempt = progress.Attempt > 1 ? $" (attempt {progress.Attempt})" : string.Empty;
                    return $"{media}{ByteSize.Format(progress.BytesSent)} of {ByteSize.Format(progress.Length)}{rate}{attempt}";
                case UploadStage.Retrying:
                    return $"{media}upload failed ({progress.Detail}); trying again";
                case UploadStage.Processing:
                    return $"{media}uploaded; Pinterest is processing it ({progress.Detail})";
                default:
                    return $"{media}done";
            }
        }
    }
}
