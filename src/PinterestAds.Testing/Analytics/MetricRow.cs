using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace PinterestAds.Testing.Analytics
{
    /// <summary>
    /// One flat analytics row in output order (DATE, the id column, then the requested columns);
    /// values are strings, longs or decimals. Rendered as JSON or CSV by whoever writes it.
    /// </summary>
    internal sealed class MetricRow
    {
        public MetricRow(string entityId, string? date, List<KeyValuePair<string, object>> values, bool allMetricsZero)
        {
            EntityId = entityId;
            Date = date;
            Values = values;
            AllMetricsZero = allMetricsZero;
        }

        public string EntityId { get; }

        public string? Date { get; }

        public List<KeyValuePair<string, object>> Values { get; }

        /// <summary>Reports leave out rows whose every metric is 0.</summary>
        public bool AllMetricsZero { get; }

        public object? this[string column]
        {
            get
            {
                foreach (var pair in Values)
                {
                    if (pair.Key == column)
                    {
                        return pair.Value;
                    }
                }

                return null;
            }
        }

        public JsonObject ToJson()
        {
            var row = new JsonObject();
            foreach (var pair in Values)
            {
                row[pair.Key] = pair.Value switch
                {
                    long l => JsonValue.Create(l),
                    decimal d => JsonValue.Create(d),
                    _ => JsonValue.Create((string)pair.Value),
                };
            }

            return row;
        }
    }
}
