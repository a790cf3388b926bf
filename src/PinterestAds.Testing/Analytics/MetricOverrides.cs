using System;
using System.Collections.Generic;

namespace PinterestAds.Testing.Analytics
{
    /// <summary>One entity-day's values set by a test; null fields keep the generated value.</summary>
    internal sealed class DayOverride
    {
        public long? SpendMicro { get; set; }

        public long? Impressions { get; set; }

        public long? Clicks { get; set; }

        public long? Conversions { get; set; }

        public DayOverride Clone() => (DayOverride)MemberwiseClone();
    }

    /// <summary>Test-set daily values per (entity id, UTC date). Thread-safe; <see cref="Snapshot"/> freezes them for a report.</summary>
    internal sealed class MetricOverrides
    {
        private readonly object _sync = new object();
        private readonly Dictionary<string, DayOverride> _days;

        public MetricOverrides()
            : this(new Dictionary<string, DayOverride>(StringComparer.Ordinal))
        {
        }

        private MetricOverrides(Dictionary<string, DayOverride> days)
        {
            _days = days;
        }

        public void Set(string entityId, DateTime day, Action<DayOverride> change)
        {
            lock (_sync)
            {
                string key = Key(entityId, day);
                if (!_days.TryGetValue(key, out var value))
                {
                    value = new DayOverride();
                    _days[key] = value;
                }

                change(value);
            }
        }

        public void Clear()
        {
            lock (_sync)
            {
                _days.Clear();
            }
        }

        public DayOverride? Find(string entityId, DateTime day)
        {
            lock (_sync)
            {
                return _days.TryGetValue(Key(entityId, day), out var value) ? value : null;
            }
        }

        /// <summary>A frozen copy: a report reflects the data as it was when it was requested.</summary>
        public MetricOverrides Snapshot()
        {
            lock (_sync)
            {
                var copy = new Dictionary<string, DayOverride>(StringComparer.Ordinal);
                foreach (var pair in _days)
                {
                    copy[pair.Key] = pair.Value.Clone();
                }

                return new MetricOverrides(copy);
            }
        }

        private static string Key(string entityId, DateTime day) => entityId + "|" + day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
    }
}
