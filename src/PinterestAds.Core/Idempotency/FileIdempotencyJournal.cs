using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Coordination;
using PinterestAds.Core.Http;

namespace PinterestAds.Core.Idempotency
{
    /// <summary>
    /// The journal when no Redis is configured: one small JSON file per key under the user's
    /// local state folder (<c>idempotency/&lt;client&gt;/&lt;sha256(key)&gt;.json</c>), read and changed
    /// only under an exclusive file lock, and one file per entity a write made
    /// (<c>made/&lt;client&gt;/&lt;sha256(entity)&gt;</c>) holding its key. Entries older than the
    /// retention are pruned now and then.
    /// </summary>
    public sealed class FileIdempotencyJournal : IIdempotencyJournal
    {
        private const string DamagedMarker = "(damaged)";
        private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(5);

        private readonly string _directory;
        private readonly MadeEntitiesFolder _made;
        private readonly RetentionPruner _pruner;
        private readonly TimeSpan _retention;
        private readonly TimeSpan _lease;
        private readonly TimeProvider _time;

        public FileIdempotencyJournal(string stateDirectory, string clientId, TimeSpan retention, TimeSpan lease, TimeProvider time)
        {
            _directory = Path.Combine(stateDirectory, "idempotency", StatePaths.Digest(clientId));
            _made = new MadeEntitiesFolder(Path.Combine(stateDirectory, "made", StatePaths.Digest(clientId)));
            _pruner = new RetentionPruner(retention, time, (_directory, "*.json"), (_made.Directory, "*"));
            _retention = retention;
            _lease = lease;
            _time = time;
        }

        public string Description => _directory;

        public TimeSpan Lease => _lease;

        public string PathFor(string key) => Path.Combine(_directory, StatePaths.Digest(key) + ".json");

        public async Task<JournalClaim> BeginAsync(string key, string fingerprint, CancellationToken cancellationToken)
        {
            _pruner.PruneNowAndThen();
            string owner = Guid.NewGuid().ToString("N");
            using var file = await OpenAsync(key, cancellationToken).ConfigureAwait(false);
            var now = _time.GetUtcNow();
            var record = Read(file);
            if (record is null || (record.Completed is long done && DateTimeOffset.FromUnixTimeMilliseconds(done) + _retention < now))
            {
                Write(file, new Record { State = "pending", Fingerprint = fingerprint, Owner = owner, Holder = ProcessIdentity.Current, Started = Ms(now), Lease = Ms(now + _lease), Beat = Ms(now) });
                return new JournalClaim(key, fingerprint, owner, JournalClaimStatus.Claimed) { FirstUsedAt = now };
            }

            if (record.Fingerprint == DamagedMarker)
            {
                // Unreadable: we cannot tell which request it was, so treat it as ours with an unknown outcome.
                record.Fingerprint = fingerprint;
                record.Started = Ms(now);
            }

            var firstUsed = DateTimeOffset.FromUnixTimeMilliseconds(record.Started);
            if (!string.Equals(record.Fingerprint, fingerprint, StringComparison.Ordinal))
            {
                return new JournalClaim(key, fingerprint, owner, JournalClaimStatus.Mismatch) { FirstUsedAt = firstUsed };
            }

            if (record.State == "completed")
            {
                return new JournalClaim(key, fingerprint, owner, JournalClaimStatus.Completed)
                {
                    FirstUsedAt = firstUsed,
                    ResponseStatus = record.Status ?? 200,
                    ResponseBody = record.Body is null ? new byte[0] : Convert.FromBase64String(record.Body),
                    CompletedAt = record.Completed is long c ? DateTimeOffset.FromUnixTimeMilliseconds(c) : (DateTimeOffset?)null,
                };
            }

            // The owner was last seen alive at its last heartbeat; one found dead on this machine, now.
            var lastAlive = DateTimeOffset.FromUnixTimeMilliseconds(record.Beat > 0 ? record.Beat : record.Started);
            if (record.State == "pending" && DateTimeOffset.FromUnixTimeMilliseconds(record.Lease) > now)
            {
                if (!ProcessIdentity.IsDeadHere(record.Holder))
                {
                    return new JournalClaim(key, fingerprint, owner, JournalClaimStatus.InProgress)
                    {
                        FirstUsedAt = firstUsed,
                        LeaseUntil = DateTimeOffset.FromUnixTimeMilliseconds(record.Lease),
                        LastAliveAt = lastAlive,
                        HolderMark = record.Owner + " " + record.Beat.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    };
                }

                lastAlive = now;
            }

            // A crashed owner, or an unknown outcome: take over, reconcile first.
            record.State = "pending";
            record.Owner = owner;
            record.Holder = ProcessIdentity.Current;
            record.Lease = Ms(now + _lease);
            record.Beat = Ms(now);
            Write(file, record);
            return new JournalClaim(key, fingerprint, owner, JournalClaimStatus.Recovered) { FirstUsedAt = firstUsed, LastAliveAt = lastAlive };
        }

        public async Task<bool> RenewAsync(JournalClaim claim, CancellationToken cancellationToken)
        {
            bool renewed = false;
            await UpdateAsync(claim, (file, record) =>
            {
                if (record != null && record.State == "pending")
                {
                    var now = _time.GetUtcNow();
                    record.Lease = Ms(now + _lease);
                    record.Beat = Ms(now);
                    Write(file, record);
                    renewed = true;
                }
            }, cancellationToken).ConfigureAwait(false);
            return renewed;
        }

        public Task CompleteAsync(JournalClaim claim, ApiResponse response, CancellationToken cancellationToken) =>
            UpdateAsync(claim, (file, record) =>
            {
                record ??= new Record { Fingerprint = claim.Fingerprint, Owner = claim.Owner, Started = Ms(claim.FirstUsedAt ?? _time.GetUtcNow()) };
                record.State = "completed";
                record.Status = response.StatusCode;
                record.Body = Convert.ToBase64String(response.Body);
                record.Completed = Ms(_time.GetUtcNow());
                Write(file, record);
            }, cancellationToken);

        public Task MarkUnknownAsync(JournalClaim claim, CancellationToken cancellationToken) =>
            UpdateAsync(claim, (file, record) =>
            {
                if (record != null)
                {
                    record.State = "unknown";
                    record.Beat = Ms(_time.GetUtcNow());
                    Write(file, record);
                }
            }, cancellationToken);

        public Task ReleaseAsync(JournalClaim claim, CancellationToken cancellationToken) =>
            UpdateAsync(claim, (file, record) =>
            {
                if (record != null && record.State == "pending")
                {
                    file.Delete();
                }
            }, cancellationToken);

        public Task ClaimEntitiesAsync(IReadOnlyCollection<string> entityKeys, string key, CancellationToken cancellationToken)
        {
            _made.Write(entityKeys, key);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyDictionary<string, string>> ClaimantsAsync(IReadOnlyCollection<string> entityKeys, CancellationToken cancellationToken) =>
            Task.FromResult(_made.Read(entityKeys));

        private async Task UpdateAsync(JournalClaim claim, Action<LockedFile, Record?> change, CancellationToken cancellationToken)
        {
            using var file = await OpenAsync(claim.Key, cancellationToken).ConfigureAwait(false);
            var record = Read(file);
            if (record != null && !string.Equals(record.Owner, claim.Owner, StringComparison.Ordinal))
            {
                // Our lease ran out and someone else owns the key now: leave their entry alone.
                return;
            }

            change(file, record);
        }

        private Task<LockedFile> OpenAsync(string key, CancellationToken cancellationToken) => LockedFile.OpenAsync(PathFor(key), LockTimeout, cancellationToken);

        private static Record? Read(LockedFile file)
        {
            string text = file.ReadAllText();
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            try
            {
                var record = JsonSerializer.Deserialize<Record>(text);
                return record?.Fingerprint is null ? null : record;
            }
            catch (JsonException)
            {
                // A damaged entry: treat it as an unknown outcome of a request we cannot identify.
                return new Record { State = "unknown", Fingerprint = DamagedMarker };
            }
        }

        private static void Write(LockedFile file, Record record) => file.WriteAllText(JsonSerializer.Serialize(record));

        private static long Ms(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

        private sealed class Record
        {
            public string State { get; set; } = "pending";

            public string? Fingerprint { get; set; }

            public string? Owner { get; set; }

            /// <summary>The process holding the claim (<see cref="ProcessIdentity"/>).</summary>
            public string? Holder { get; set; }

            /// <summary>The owner's last heartbeat (Unix ms).</summary>
            public long Beat { get; set; }

            public long Started { get; set; }

            public long Lease { get; set; }

            public int? Status { get; set; }

            public string? Body { get; set; }

            public long? Completed { get; set; }
        }
    }
}
