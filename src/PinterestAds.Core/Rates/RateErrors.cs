using System;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Rates
{
    /// <summary>The errors of converting spend to US dollars. Each says how to supply the rate instead.</summary>
    internal static class RateErrors
    {
        public const string UnavailableId = "exchangeRatesUnavailable";
        public const string MissingId = "exchangeRateMissing";

        private const string HowToSupply = "-ExchangeRate @{ {0} = 1.08 } (US dollars per {0}) or -ExchangeRate <path of a CSV with Date,Currency,UsdRate rows>";

        public static PinterestAdsException Unavailable(Uri source, string currency, string reason, Exception? inner) =>
            new PinterestAdsException(
                UnavailableId,
                FailureKind.Connection,
                $"The exchange rates that convert {currency} spend to US dollars could not be fetched from {source} ({reason}), and no earlier copy is cached. " +
                $"Pass the rates yourself with {Supply(currency)}, or point {EcbRateCache.UriVariable} at a reachable copy of the ECB's eurofxref-hist.xml.",
                $"Pass {Supply(currency)}, or set {EcbRateCache.UriVariable} to a reachable copy of eurofxref-hist.xml.",
                inner)
            {
                Target = source.ToString(),
            };

        /// <summary>The ECB does not publish <paramref name="currency"/> (ARS, CLP, COP, UNK) and the caller supplied no rate.</summary>
        public static PinterestAdsException NotPublished(string currency, string adAccountId) =>
            new PinterestAdsException(
                MissingId,
                FailureKind.InvalidArgument,
                $"-ExchangeRate: the European Central Bank publishes no rate for {currency}, the currency of ad account {adAccountId}, so its spend cannot be converted to US dollars. " +
                $"Supply the rate: {Supply(currency)}.",
                $"Run the command again with {Supply(currency)}.")
            {
                Target = currency,
            };

        /// <param name="source">The ECB file's address, or the override's description.</param>
        public static PinterestAdsException NoRateForDay(string currency, DateTime day, string source) =>
            new PinterestAdsException(
                MissingId,
                FailureKind.InvalidArgument,
                $"-ExchangeRate: {source} has no {currency} rate on or before {day:yyyy-MM-dd}, so that day's spend cannot be converted to US dollars. Supply it: {Supply(currency)}.",
                $"Run the command again with {Supply(currency)} covering {day:yyyy-MM-dd}.")
            {
                Target = currency,
            };

        private static string Supply(string currency) => HowToSupply.Replace("{0}", currency);
    }
}
