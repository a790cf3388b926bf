using System;
using System.Collections.Generic;
using System.Globalization;

namespace PinterestAds.Core.Ads
{
    /// <summary>Amounts as tables show them: "25.50 USD", "1,200 JPY".</summary>
    public static class CurrencyText
    {
        // Currencies of Pinterest's list (spec AdAccount.currency) that have no minor unit.
        private static readonly HashSet<string> WholeUnitCurrencies = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "JPY", "KRW", "CLP" };

        public static string? Format(decimal? amount, string? currency)
        {
            if (amount is not decimal value)
            {
                return null;
            }

            bool whole = currency != null && WholeUnitCurrencies.Contains(currency);
            string number = value.ToString(whole ? "#,0.######" : "#,0.00####", CultureInfo.InvariantCulture);
            return string.IsNullOrEmpty(currency) || currency == "UNK" ? number : number + " " + currency;
        }
    }
}
