using System;

namespace PinterestAds.Core.Media
{
    /// <summary>Whether, and how long, to wait for Pinterest to process an uploaded video.</summary>
    public sealed class MediaWait
    {
        /// <summary>The default of -TimeoutSeconds.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(600);

        public MediaWait(bool untilProcessed, TimeSpan timeout)
        {
            UntilProcessed = untilProcessed;
            Timeout = timeout;
        }

        /// <summary>False (-NoWait): return once the upload host has the file.</summary>
        public bool UntilProcessed { get; }

        public TimeSpan Timeout { get; }
    }
}
