using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace PinterestAds.Testing.Ads
{
    /// <summary>
    /// All ads state: ad accounts and, per account, one id-ordered table per entity collection.
    /// One lock (<see cref="Sync"/>): a batch of 30 writes must be atomic, and tests never push
    /// enough traffic for a single lock to matter. Entities are stored as JSON objects so every
    /// field a request sends survives, spec fields or not; callers clone before handing out.
    /// </summary>
    internal sealed class AdsState
    {
        /// <summary>First ad account id (the spec's example id); later ones count up.</summary>
        public const long FirstAdAccountId = 549755885175;

        private readonly List<AdAccountRecord> _accounts = new List<AdAccountRecord>();
        private readonly Dictionary<string, AdAccountRecord> _accountsById = new Dictionary<string, AdAccountRecord>(StringComparer.Ordinal);
        private readonly Dictionary<string, long> _lastIds = new Dictionary<string, long>(StringComparer.Ordinal);
        private readonly Dictionary<string, SortedDictionary<long, JsonObject>> _tables = new Dictionary<string, SortedDictionary<long, JsonObject>>(StringComparer.Ordinal);
        private long _lastAccountId = FirstAdAccountId - 1;

        public object Sync { get; } = new object();

        public AdAccountRecord AddAccount(string name, string currency, string country, long now)
        {
            lock (Sync)
            {
                var account = new AdAccountRecord(++_lastAccountId, name, currency, country, now);
                _accounts.Add(account);
                _accountsById[account.Id] = account;
                return account;
            }
        }

        public AdAccountRecord? FindAccount(string id)
        {
            lock (Sync)
            {
                return _accountsById.TryGetValue(id, out var account) ? account : null;
            }
        }

        /// <summary>Accounts in id order (= creation order).</summary>
        public List<AdAccountRecord> Accounts()
        {
            lock (Sync)
            {
                return _accounts.ToList();
            }
        }

        /// <summary>The live table; callers must hold <see cref="Sync"/> while using it.</summary>
        public SortedDictionary<long, JsonObject> Table(string adAccountId, string collection)
        {
            lock (Sync)
            {
                string key = adAccountId + "/" + collection;
                if (!_tables.TryGetValue(key, out var table))
                {
                    table = new SortedDictionary<long, JsonObject>();
                    _tables[key] = table;
                }

                return table;
            }
        }

        /// <summary>The live entity (no clone) or null; callers must hold <see cref="Sync"/>.</summary>
        public JsonObject? Find(string adAccountId, string collection, string id)
        {
            if (!long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out long numeric))
            {
                return null;
            }

            lock (Sync)
            {
                return Table(adAccountId, collection).TryGetValue(numeric, out var entity) ? entity : null;
            }
        }

        /// <summary>Ids grow over time per collection, so "higher id = newer" holds as on the real API.</summary>
        public long NextId(string collection, long firstId)
        {
            lock (Sync)
            {
                long next = _lastIds.TryGetValue(collection, out long last) ? last + 1 : firstId;
                _lastIds[collection] = next;
                return next;
            }
        }
    }
}
