using System;

namespace PinterestAds.Core.Uploads
{
    /// <summary>Where one file's upload stands; what a progress bar shows.</summary>
    public sealed class UploadProgress
    {
        public UploadProgress(UploadFile file, UploadStage stage)
        {
            File = file;
            Stage = stage;
        }

        public UploadFile File { get; }

        public UploadStage Stage { get; }

        /// <summary>The media the bytes go to, once registered.</summary>
        public string? MediaId { get; set; }

        /// <summary>1 for the first try of the upload, then one more per retry.</summary>
        public int Attempt { get; set; } = 1;

        public long BytesSent { get; set; }

        public long Length => File.Length;

        /// <summary>Average rate of this attempt so far; 0 before the first second of data.</summary>
        public double BytesPerSecond { get; set; }

        /// <summary>At the current rate; null while the rate is unknown.</summary>
        public TimeSpan? Remaining { get; set; }

        /// <summary>For <see cref="UploadStage.Processing"/>: Pinterest's media status; for <see cref="UploadStage.Retrying"/>: why.</summary>
        public string? Detail { get; set; }
    }

    public enum UploadStage
    {
        /// <summary>Asking Pinterest for an upload URL (POST /media).</summary>
        Registering,

        /// <summary>Sending the bytes to the upload host.</summary>
        Uploading,

        /// <summary>Waiting before the upload is tried again.</summary>
        Retrying,

        /// <summary>Uploaded; Pinterest is processing the video.</summary>
        Processing,

        /// <summary>Done (succeeded, failed or given up on): the bar can go.</summary>
        Completed,
    }

    /// <summary>Receives progress from any thread; the PowerShell layer turns it into Write-Progress on the pipeline thread.</summary>
    public interface IUploadProgress
    {
        void Report(UploadProgress progress);
    }
}
