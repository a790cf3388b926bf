using System;
using System.Collections.Generic;
using PinterestAds.Testing.Ads;

namespace PinterestAds.Testing.Analytics
{
    /// <summary>
    /// Where analytics rows come from: the deterministic model, the tests' overrides and the
    /// entities' attributes, either live (synchronous requests) or frozen at the moment a report
    /// was requested (so its size is known and its file never changes under a download).
    /// </summary>
    internal sealed class AnalyticsData
    {
        private readonly EntityFacts _facts;

        public AnalyticsData(AdsState ads)
        {
            _facts = new EntityFacts(ads);
        }

        public MetricOverrides Overrides { get; } = new MetricOverrides();

        public RowBuilder Live(string adAccountId, AnalyticsLevel level) =>
            new RowBuilder(new MetricModel(Overrides), (id, column) => _facts.Value(adAccountId, level, id, column));

        public RowBuilder Frozen(string adAccountId, AnalyticsLevel level, IReadOnlyList<string> entityIds, IReadOnlyList<string> columns)
        {
            var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (string column in columns)
            {
                if (!EntityFacts.IsAttribute(column))
                {
                    continue;
                }

                foreach (string id in entityIds)
                {
                    attributes[id + "|" + column] = _facts.Value(adAccountId, level, id, column);
                }
            }

            return new RowBuilder(new MetricModel(Overrides.Snapshot()), (id, column) => attributes.TryGetValue(id + "|" + column, out object? value) ? value : null);
        }
    }
}
