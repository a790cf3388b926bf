using System.Collections.Generic;
using System.Management.Automation;
using PinterestAds.Core.Uploads;

namespace PinterestAds.PowerShell.Creatives
{
    /// <summary>
    /// The parent bar of a pipeline of uploads: files done and bytes sent across all of them.
    /// Files are added on the pipeline thread; their reports update it from upload threads.
    /// </summary>
    internal sealed class OverallBar
    {
        private const string Activity = "Sending media to Pinterest";

        private readonly object _gate = new object();
        private readonly Dictionary<UploadFile, long> _sent = new Dictionary<UploadFile, long>();
        private long _total;
        private int _done;

        /// <summary>The bar's own id; each file's bar has a later one (<see cref="Add"/>).</summary>
        public int ActivityId => 1;

        /// <summary>Counts a file in; returns the activity id of its bar.</summary>
        public int Add(UploadFile file)
        {
            lock (_gate)
            {
                _sent[file] = 0;
                _total += file.Length;
                return ActivityId + _sent.Count;
            }
        }

        public ProgressRecord Update(UploadProgress progress)
        {
            lock (_gate)
            {
                switch (progress.Stage)
                {
                    case UploadStage.Uploading:
                    case UploadStage.Retrying:
                        _sent[progress.File] = progress.BytesSent;
                        break;
                    case UploadStage.Processing:
                        _sent[progress.File] = progress.Length;
                        break;
                    case UploadStage.Completed:
                        _sent[progress.File] = progress.Length;
                        _done++;
                        break;
                }

                long sent = 0;
                foreach (var bytes in _sent.Values)
                {
                    sent += bytes;
                }

                string status = $"{_done} of {_sent.Count} file(s) done; {ByteSize.Format(sent)} of {ByteSize.Format(_total)} sent";
                return new ProgressRecord(ActivityId, Activity, status) { PercentComplete = (int)(100 * sent / System.Math.Max(1, _total)) };
            }
        }

        public ProgressRecord Finished() => new ProgressRecord(ActivityId, Activity, "done") { RecordType = ProgressRecordType.Completed };
    }
}
