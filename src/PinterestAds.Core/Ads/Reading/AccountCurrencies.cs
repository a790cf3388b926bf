using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Session;

namespace PinterestAds.Core.Ads.Reading
{
    /// <summary>
    /// The currency of each ad account, as probed at connect, else read once per context (GET /ad_accounts/{id}) and kept:
    /// every amount of an account is in its currency, and outputs show the code next to it.
    /// </summary>
    internal static class AccountCurrencies
    {
        private static readonly ConditionalWeakTable<PinterestAdsContext, ConcurrentDictionary<PinterestId, string>> Known =
            new ConditionalWeakTable<PinterestAdsContext, ConcurrentDictionary<PinterestId, string>>();

        public static async Task<string?> GetAsync(PinterestAdsContext context, PinterestId adAccountId, ICallObserver observer, CancellationToken cancellationToken)
        {
            // Connect probes GET /ad_accounts and keeps each account's currency: usually no call at all.
            if (context.CurrencyOf(adAccountId.ToString()) is string probed)
            {
                return probed;
            }

            var known = Known.GetValue(context, _ => new ConcurrentDictionary<PinterestId, string>());
            if (known.TryGetValue(adAccountId, out string? cached))
            {
                return cached.Length == 0 ? null : cached;
            }

            string currency;
            try
            {
                currency = (await AdAccountService.GetAsync(context, adAccountId, observer, cancellationToken).ConfigureAwait(false)).Currency ?? string.Empty;
            }
            catch (PinterestAdsException ex) when (ex.Kind != FailureKind.NotConnected && ex.Kind != FailureKind.Authentication)
            {
                // Amounts are still right without it; only the currency code is missing from outputs.
                observer.Warning($"Could not read the currency of ad account {adAccountId} ({ex.Message}); amounts are shown without a currency code.");
                currency = string.Empty;
            }

            known[adAccountId] = currency;
            return currency.Length == 0 ? null : currency;
        }
    }
}
