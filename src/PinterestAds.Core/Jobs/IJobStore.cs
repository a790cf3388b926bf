using System;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Core.Jobs
{
    /// <summary>
    /// Where a named job keeps its per-account state and leases: Redis when the session has one
    /// (every worker of the fleet sees it), else the state folder (the workers of one machine).
    /// Failures are the documented errors (<see cref="JobErrors"/>), never a store's own exceptions.
    /// </summary>
    internal interface IJobStore
    {
        /// <summary>"Redis at host:port" or "the state folder …", for messages.</summary>
        string Description { get; }

        /// <summary>The store's clock, which every worker of the job shares.</summary>
        Task<DateTimeOffset> NowAsync(CancellationToken cancellationToken);

        /// <summary>Leases the account for <paramref name="duration"/>; null while another worker's lease on it is live.</summary>
        Task<JobLease?> TryLeaseAsync(string account, TimeSpan duration, CancellationToken cancellationToken);

        /// <summary>Extends a lease; false when it was lost (it lapsed and another worker took it).</summary>
        Task<bool> RenewAsync(JobLease lease, TimeSpan duration, CancellationToken cancellationToken);

        /// <summary>Gives the account up, if the lease is still this worker's.</summary>
        Task ReleaseAsync(JobLease lease, CancellationToken cancellationToken);

        Task<JobRecord> ReadAsync(string account, CancellationToken cancellationToken);

        /// <summary>Records the account's new state, stamped with the store's clock; false when the lease was lost, and nothing is recorded then.</summary>
        Task<bool> WriteAsync(JobLease lease, string state, CancellationToken cancellationToken);
    }
}
