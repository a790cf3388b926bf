using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Coordination;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Jobs
{
    /// <summary>
    /// A job's state in the state folder when no Redis is configured: one small JSON file per ad
    /// account, changed only under its file lock, so the workers of one machine share leases and
    /// state as the Redis store's workers do.
    /// </summary>
    internal sealed class FileJobStore : IJobStore
    {
        private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

        private readonly string _folder;
        private readonly string _job;
        private readonly TimeProvider _time;

        /// <param name="folder">The job's folder (one per client, API and job).</param>
        public FileJobStore(string folder, string job, TimeProvider time)
        {
            _folder = folder;
            _job = job;
            _time = time;
            Description = "the state folder " + folder;
        }

        public string Description { get; }

        public Task<DateTimeOffset> NowAsync(CancellationToken cancellationToken) => Task.FromResult(_time.GetUtcNow());

        public Task<JobLease?> TryLeaseAsync(string account, TimeSpan duration, CancellationToken cancellationToken) =>
            ChangeAsync(account, cancellationToken, entry =>
            {
                var now = _time.GetUtcNow();
                if (entry.Owner != null && entry.Until > now)
                {
                    return null;
                }

                var lease = new JobLease(account, Guid.NewGuid().ToString("N"));
                entry.Owner = lease.Owner;
                entry.Holder = ProcessIdentity.Current;
                entry.Until = now + duration;
                return lease;
            });

        public Task<bool> RenewAsync(JobLease lease, TimeSpan duration, CancellationToken cancellationToken) =>
            ChangeAsync(lease.Account, cancellationToken, entry =>
            {
                if (entry.Owner != lease.Owner)
                {
                    return false;
                }

                entry.Until = _time.GetUtcNow() + duration;
                return true;
            });

        public Task ReleaseAsync(JobLease lease, CancellationToken cancellationToken) =>
            ChangeAsync(lease.Account, cancellationToken, entry =>
            {
                if (entry.Owner == lease.Owner)
                {
                    entry.Owner = null;
                    entry.Holder = null;
                    entry.Until = null;
                }

                return true;
            });

        public Task<JobRecord> ReadAsync(string account, CancellationToken cancellationToken) =>
            ChangeAsync(account, cancellationToken, entry => new JobRecord(entry.Completed, entry.State));

        public Task<bool> WriteAsync(JobLease lease, string state, CancellationToken cancellationToken) =>
            ChangeAsync(lease.Account, cancellationToken, entry =>
            {
                var now = _time.GetUtcNow();
                if (entry.Owner != lease.Owner || entry.Until < now)
                {
                    return false;
                }

                entry.State = state;
                entry.Completed = now;
                return true;
            });

        /// <summary>Reads the account's entry under its lock, lets <paramref name="change"/> look at or change it, and writes it back.</summary>
        private async Task<T> ChangeAsync<T>(string account, CancellationToken cancellationToken, Func<Entry, T> change)
        {
            string path = Path.Combine(_folder, account + ".json");
            try
            {
                using var file = await LockedFile.OpenAsync(path, LockTimeout, cancellationToken).ConfigureAwait(false);
                string text = file.ReadAllText();
                var entry = text.Length == 0 ? new Entry() : JsonSerializer.Deserialize<Entry>(text) ?? new Entry();
                T result = change(entry);
                file.WriteAllText(JsonSerializer.Serialize(entry));
                return result;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is TimeoutException || ex is JsonException)
            {
                throw JobErrors.Unavailable(_job, Description, ex.Message, FailureKind.Connection, ex);
            }
        }

        /// <summary>One account's file.</summary>
        private sealed class Entry
        {
            public string? Owner { get; set; }

            public string? Holder { get; set; }

            public DateTimeOffset? Until { get; set; }

            public DateTimeOffset? Completed { get; set; }

            public string? State { get; set; }
        }
    }
}
