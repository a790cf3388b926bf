using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Core.Diagnostics
{
    /// <summary>
    /// A consumer that buffers what Core yields on its way to the user (the cmdlet's pipeline
    /// bridge). Core waits on it where "written" matters: before the next request of a stream (a
    /// pipeline that stops after the first row then sends one request) and before it records that
    /// rows were delivered (a sync job's watermark).
    /// </summary>
    public interface IOutputPacer
    {
        /// <summary>Completes when everything handed to the consumer so far has been written.</summary>
        Task WaitDeliveredAsync(CancellationToken cancellationToken);
    }
}
