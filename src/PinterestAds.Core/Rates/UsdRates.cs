using System;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Coordination;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Session;

namespace PinterestAds.Core.Rates
{
    /// <summary>
    /// US dollars per unit of one ad account's currency, by day: 1 for USD, the caller's
    /// <c>-ExchangeRate</c> when it names the currency, else the ECB's reference rates crossed
    /// through the euro. Made once per read, before its first request, so a currency without a
    /// rate is refused before anything is sent.
    /// </summary>
    public sealed class UsdRates
    {
        private readonly Func<DateTime, decimal?> _rate;
        private readonly string _source;

        private UsdRates(string currency, Func<DateTime, decimal?> rate, string source)
        {
            Currency = currency;
            _rate = rate;
            _source = source;
        }

        public string Currency { get; }

        /// <param name="currency">The account's ISO 4217 code.</param>
        public static async Task<UsdRates> ForAsync(PinterestAdsContext context, string adAccountId, string currency, ExchangeRateOverride? overrides, ICallObserver observer, CancellationToken cancellationToken)
        {
            if (currency == "USD")
            {
                return new UsdRates(currency, _ => 1m, "USD");
            }

            if (overrides != null && overrides.Covers(currency))
            {
                return new UsdRates(currency, day => overrides.UsdPerUnit(currency, day), overrides.Description);
            }

            if (currency.Length != 3 || currency == "UNK")
            {
                throw RateErrors.NotPublished(currency, adAccountId);
            }

            string stateRoot = context.Budget.StateDirectory ?? StatePaths.DefaultRoot();
            var ecb = await EcbRateCache.GetAsync(stateRoot, currency, context.Budget.TimeProvider, observer, cancellationToken).ConfigureAwait(false);
            if (!ecb.Publishes(currency))
            {
                throw RateErrors.NotPublished(currency, adAccountId);
            }

            return new UsdRates(currency, day => ecb.UsdPerUnit(currency, day), "the ECB's rates");
        }

        /// <summary>US dollars per unit on <paramref name="day"/> (the last earlier fixing when the day has none).</summary>
        public decimal UsdPerUnit(DateTime day) => _rate(day) ?? throw RateErrors.NoRateForDay(Currency, day, _source);

        /// <summary><paramref name="amount"/> in US dollars at <paramref name="usdPerUnit"/>, to the micro-dollar.</summary>
        public static decimal ToUsd(decimal amount, decimal usdPerUnit) => Math.Round(amount * usdPerUnit, 6, MidpointRounding.AwayFromZero);
    }
}
