using System;
using System.Collections.Generic;

namespace PinterestAds.Core.Rates
{
    /// <summary>
    /// One currency's rates by date, oldest first. A day without a fixing (a weekend, a TARGET
    /// holiday, today before the ECB publishes) takes the last earlier one.
    /// </summary>
    internal sealed class RateSeries
    {
        private readonly DateTime[] _days;
        private readonly decimal[] _rates;

        /// <param name="rates">(day, rate) pairs in any order; a later duplicate of a day wins.</param>
        public RateSeries(IEnumerable<KeyValuePair<DateTime, decimal>> rates)
        {
            var sorted = new SortedDictionary<DateTime, decimal>();
            foreach (var pair in rates)
            {
                sorted[pair.Key.Date] = pair.Value;
            }

            _days = new DateTime[sorted.Count];
            _rates = new decimal[sorted.Count];
            int i = 0;
            foreach (var pair in sorted)
            {
                _days[i] = pair.Key;
                _rates[i++] = pair.Value;
            }
        }

        /// <summary>The oldest day with a rate; null for an empty series.</summary>
        public DateTime? First => _days.Length == 0 ? (DateTime?)null : _days[0];

        /// <summary>The rate of the last fixing on or before <paramref name="day"/>; null when the series starts later.</summary>
        public decimal? OnOrBefore(DateTime day)
        {
            int index = Array.BinarySearch(_days, day.Date);
            if (index < 0)
            {
                index = ~index - 1;
            }

            return index >= 0 ? _rates[index] : (decimal?)null;
        }
    }
}
