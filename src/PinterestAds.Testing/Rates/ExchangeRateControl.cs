using System;

namespace PinterestAds.Testing.Rates
{
    /// <summary>
    /// The fake's ECB rate file (<see cref="PinTestServer.ExchangeRates"/>): where it is, how often
    /// it was fetched, and the rates it holds, so tests can compute the USD amounts they expect.
    /// </summary>
    public sealed class ExchangeRateControl
    {
        private readonly EcbRates _rates;

        internal ExchangeRateControl(EcbRates rates, Func<Uri> uri)
        {
            _rates = rates;
            UriSource = uri;
        }

        /// <summary><c>http://127.0.0.1:PORT/ecb/eurofxref-hist.xml</c>, for PINTEREST_ADS_EXCHANGE_RATES_URI.</summary>
        public Uri Uri => UriSource();

        /// <summary>GETs of the rate file so far (faulted ones included only when they reached the file): "fetched once" checks.</summary>
        public int FetchCount => _rates.FetchCount;

        /// <summary>How many days back the file reaches (default 1000). It always ends at the last fixing before the server's today.</summary>
        public int HistoryDays
        {
            get => _rates.HistoryDays;
            set => _rates.HistoryDays = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
        }

        private Func<Uri> UriSource { get; }

        /// <summary>Units of <paramref name="currency"/> per euro as published for <paramref name="date"/>; null on a weekend or TARGET holiday, or for a currency the ECB does not publish (ARS, CLP, COP).</summary>
        public decimal? EcbRate(string currency, DateTime date) => EcbRates.Rate(currency, date.Date);

        /// <summary>The fixing a day without one falls back to: the last fixing day on or before <paramref name="date"/>.</summary>
        public DateTime LastFixingOnOrBefore(DateTime date) => EcbCalendar.LastFixingOnOrBefore(date.Date);

        /// <summary>
        /// USD per unit of <paramref name="currency"/> on <paramref name="date"/>, as a correct consumer of
        /// the file computes it: rate(USD) / rate(currency) of the last fixing on or before the date
        /// (EUR: rate(USD); USD: 1). Null when the ECB does not publish the currency.
        /// </summary>
        public decimal? UsdPerUnit(string currency, DateTime date)
        {
            if (currency == "USD")
            {
                return 1m;
            }

            DateTime fixing = LastFixingOnOrBefore(date);
            decimal usd = EcbRates.Rate("USD", fixing)!.Value;
            if (currency == "EUR")
            {
                return usd;
            }

            decimal? rate = EcbRates.Rate(currency, fixing);
            return rate.HasValue ? usd / rate.Value : (decimal?)null;
        }
    }
}
