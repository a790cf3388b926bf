using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PinterestAds.Core.StateChanges
{
    /// <summary>One ad account as a job last saw it: its campaigns, ad groups and ads, and its campaigns' cap states. Kept as JSON in the job's store.</summary>
    public sealed class AccountSnapshot
    {
        private static readonly JsonSerializerOptions Options = new JsonSerializerOptions { Converters = { new JsonStringEnumConverter() } };

        public AccountSnapshot(IEnumerable<EntityState> entities, IReadOnlyDictionary<string, CapState> caps)
        {
            Entities = entities.GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
            Caps = caps;
        }

        /// <summary>By <see cref="EntityState.Key"/>.</summary>
        public IReadOnlyDictionary<string, EntityState> Entities { get; }

        /// <summary>By campaign id.</summary>
        public IReadOnlyDictionary<string, CapState> Caps { get; }

        public string ToJson() => JsonSerializer.Serialize(new Stored { Entities = Entities.Values.ToList(), Caps = Caps.ToDictionary(p => p.Key, p => p.Value) }, Options);

        /// <summary>The snapshot a job stored; null when it has none yet (or it cannot be read, which makes this look a new baseline).</summary>
        public static AccountSnapshot? FromJson(string? json)
        {
            if (string.IsNullOrEmpty(json))
            {
                return null;
            }

            try
            {
                var stored = JsonSerializer.Deserialize<Stored>(json!, Options);
                return stored is null ? null : new AccountSnapshot(stored.Entities ?? new List<EntityState>(), stored.Caps ?? new Dictionary<string, CapState>());
            }
            catch (JsonException)
            {
                return null;
            }
        }

        private sealed class Stored
        {
            public List<EntityState>? Entities { get; set; }

            public Dictionary<string, CapState>? Caps { get; set; }
        }
    }
}
