using System;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Core.Auth
{
    /// <summary>
    /// A lock shared by every machine that uses one sign-in, held around the whole refresh
    /// transaction (re-read → refresh → store). Pinterest rotates refresh tokens, so two
    /// machines refreshing at once would spend the same token twice. Machine-local locking
    /// (semaphore + CrossPlatLock) is always taken as well; this adds the cross-machine layer.
    /// </summary>
    public interface IRefreshCoordinator
    {
        /// <summary>Waits for the lock on <paramref name="grantKey"/>; dispose the result to release it.</summary>
        Task<IDisposable> AcquireAsync(string grantKey, TimeSpan timeout, CancellationToken cancellationToken);
    }
}
