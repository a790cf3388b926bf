using System;
using System.Collections.Generic;
using System.Linq;

namespace PinterestAds.Testing.Analytics
{
    /// <summary>What rows to build: whose, over which span, which columns, under which attribution windows.</summary>
    internal sealed class RowSpec
    {
        public RowSpec(string adAccountId, AnalyticsLevel level, IReadOnlyList<string> entityIds, DateTime start, DateTime end, string granularity, IReadOnlyList<string> columns, AttributionWindows windows)
        {
            AdAccountId = adAccountId;
            Level = level;
            EntityIds = entityIds;
            Start = start;
            End = end;
            Granularity = granularity;
            Columns = columns;
            Windows = windows;
        }

        public string AdAccountId { get; }

        public AnalyticsLevel Level { get; }

        public IReadOnlyList<string> EntityIds { get; }

        public DateTime Start { get; }

        public DateTime End { get; }

        public string Granularity { get; }

        public IReadOnlyList<string> Columns { get; }

        public AttributionWindows Windows { get; }

        /// <summary>Rows for every (entity, time bucket); the count, without building them.</summary>
        public long RowCount => (long)EntityIds.Count * TimeBuckets.Split(Start, End, Granularity).Count();
    }

    /// <summary>Builds rows lazily (one at a time), so a million-row report never exists in memory.</summary>
    internal sealed class RowBuilder
    {
        private readonly MetricModel _model;
        private readonly Func<string, string, object?> _attribute;

        /// <param name="attribute">(entity id, column) → the attribute's value or null.</param>
        public RowBuilder(MetricModel model, Func<string, string, object?> attribute)
        {
            _model = model;
            _attribute = attribute;
        }

        /// <summary>By entity, then by time (the default BY_ID order); <paramref name="byDate"/> flips it.</summary>
        public IEnumerable<MetricRow> Rows(RowSpec spec, bool byDate = false)
        {
            var buckets = TimeBuckets.Split(spec.Start, spec.End, spec.Granularity).ToList();
            if (byDate)
            {
                foreach (var bucket in buckets)
                {
                    foreach (string id in spec.EntityIds)
                    {
                        yield return Row(spec, id, bucket);
                    }
                }
            }
            else
            {
                foreach (string id in spec.EntityIds)
                {
                    foreach (var bucket in buckets)
                    {
                        yield return Row(spec, id, bucket);
                    }
                }
            }
        }

        /// <summary>One row per time bucket summed over every entity (aggregate_report_rows), without an id column.</summary>
        public IEnumerable<MetricRow> AggregatedRows(RowSpec spec)
        {
            foreach (var bucket in TimeBuckets.Split(spec.Start, spec.End, spec.Granularity))
            {
                yield return Row(spec, null, bucket);
            }
        }

        private MetricRow Row(RowSpec spec, string? entityId, TimeBucket bucket)
        {
            var values = new List<KeyValuePair<string, object>>(spec.Columns.Count + 2);
            if (bucket.Date != null)
            {
                values.Add(new KeyValuePair<string, object>("DATE", bucket.Date));
            }

            if (entityId != null)
            {
                values.Add(new KeyValuePair<string, object>(spec.Level.IdKey, entityId));
            }

            var ids = entityId != null ? new[] { entityId } : spec.EntityIds;
            var sums = new Dictionary<string, long>(StringComparer.Ordinal);
            bool allZero = true;
            foreach (string column in spec.Columns)
            {
                if (column == "DATE" || column == spec.Level.IdKey)
                {
                    continue;
                }

                if (EntityFacts.IsAttribute(column))
                {
                    object? attribute = entityId == null ? null : _attribute(entityId, column);
                    if (attribute != null)
                    {
                        values.Add(new KeyValuePair<string, object>(column, attribute));
                    }

                    continue;
                }

                object value = ColumnFormula.For(column).Evaluate(component => Sum(sums, ids, bucket, component, spec.Windows));
                allZero &= value is long l ? l == 0 : (decimal)value == 0m;
                values.Add(new KeyValuePair<string, object>(column, value));
            }

            return new MetricRow(entityId ?? string.Empty, bucket.Date, values, allZero);
        }

        private long Sum(Dictionary<string, long> sums, IReadOnlyList<string> ids, TimeBucket bucket, string component, AttributionWindows windows)
        {
            if (sums.TryGetValue(component, out long known))
            {
                return known;
            }

            long total = 0;
            foreach (string id in ids)
            {
                foreach (DateTime day in bucket.Days)
                {
                    total += _model.Value(id, day, bucket.Hour, component, windows);
                }
            }

            sums[component] = total;
            return total;
        }
    }
}
