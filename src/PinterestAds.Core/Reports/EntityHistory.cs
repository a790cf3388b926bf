using System;
using System.Collections.Generic;
using System.Linq;

namespace PinterestAds.Core.Reports
{
    /// <summary>Everything the report was given about one entity: its counts per date and over the range.</summary>
    internal sealed class EntityHistory
    {
        private readonly SortedDictionary<DateTime, Tally> _byDate = new SortedDictionary<DateTime, Tally>();
        private readonly Tally _undated = new Tally();
        private bool _currencyMixed;

        public EntityHistory(string level, string id)
        {
            Level = level;
            Id = id;
        }

        public string Level { get; }

        public string Id { get; }

        /// <summary>The last non-blank name seen (names change; the newest row wins), else the id.</summary>
        public string Name { get; private set; } = string.Empty;

        /// <summary>The currency of its spend; null when its rows name none or disagree.</summary>
        public string? Currency { get; private set; }

        public IReadOnlyDictionary<DateTime, Tally> ByDate => _byDate;

        public bool HasDates => _byDate.Count > 0;

        /// <summary>
        /// The entity's total: the sum of its dated rows when it has any (so a Total row piped beside
        /// the Day rows of the same entity is not counted twice), else the sum of its Total rows.
        /// </summary>
        public Tally Total
        {
            get
            {
                if (!HasDates)
                {
                    return _undated;
                }

                var total = new Tally();
                foreach (Tally day in _byDate.Values)
                {
                    total.Add(day);
                }

                return total;
            }
        }

        /// <summary>Entities with their totals, the most spend (in USD) first, then the most impressions, then by name.</summary>
        public static List<(EntityHistory Entity, Tally Total)> RankBySpend(IEnumerable<EntityHistory> entities) =>
            entities.Select(e => (Entity: e, Total: e.Total))
                .OrderByDescending(r => r.Total.SpendUsd)
                .ThenByDescending(r => r.Total.Impressions)
                .ThenBy(r => r.Entity.Name, StringComparer.OrdinalIgnoreCase)
                .ToList();

        public void Add(ReportRow row)
        {
            if (!string.IsNullOrWhiteSpace(row.EntityName))
            {
                Name = row.EntityName!;
            }
            else if (Name.Length == 0)
            {
                Name = Id;
            }

            NoteCurrency(row.Currency);
            if (row.Date is DateTime date)
            {
                // A later row for the same date replaces the earlier one: the same day arrives again
                // when a sync's lookback re-reads days whose conversions Pinterest restated.
                _byDate[date] = Tally.Of(row);
            }
            else
            {
                _undated.Add(Tally.Of(row));
            }
        }

        private void NoteCurrency(string? currency)
        {
            if (_currencyMixed || string.IsNullOrEmpty(currency))
            {
                return;
            }

            if (Currency is null)
            {
                Currency = currency;
            }
            else if (!string.Equals(Currency, currency, StringComparison.OrdinalIgnoreCase))
            {
                Currency = null;
                _currencyMixed = true;
            }
        }
    }
}
