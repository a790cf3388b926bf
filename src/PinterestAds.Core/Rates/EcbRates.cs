using System;
using System.Collections.Generic;

namespace PinterestAds.Core.Rates
{
    /// <summary>
    /// The European Central Bank's reference rates: units of each currency per euro, by fixing day.
    /// US dollars per unit of a currency are crossed through the euro: rate(USD) / rate(currency).
    /// </summary>
    internal sealed class EcbRates
    {
        private readonly IReadOnlyDictionary<string, RateSeries> _perEuro;

        public EcbRates(IReadOnlyDictionary<string, RateSeries> perEuro, DateTime? newestFixing)
        {
            _perEuro = perEuro;
            NewestFixing = newestFixing;
        }

        /// <summary>The newest day of the file, for messages about a stale copy.</summary>
        public DateTime? NewestFixing { get; }

        public bool Publishes(string currency) => currency == "EUR" || _perEuro.ContainsKey(currency);

        /// <summary>US dollars per unit of <paramref name="currency"/> on <paramref name="day"/>; null when the file has no fixing on or before it.</summary>
        public decimal? UsdPerUnit(string currency, DateTime day)
        {
            if (!_perEuro.TryGetValue("USD", out var usd) || usd.OnOrBefore(day) is not decimal dollarsPerEuro)
            {
                return null;
            }

            if (currency == "EUR")
            {
                return dollarsPerEuro;
            }

            return _perEuro.TryGetValue(currency, out var series) && series.OnOrBefore(day) is decimal unitsPerEuro && unitsPerEuro > 0
                ? dollarsPerEuro / unitsPerEuro
                : (decimal?)null;
        }
    }
}
