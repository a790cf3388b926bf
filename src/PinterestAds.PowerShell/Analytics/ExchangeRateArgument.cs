using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Rates;
using PinterestAds.PowerShell.Binding;

namespace PinterestAds.PowerShell.Analytics
{
    /// <summary>
    /// Reads <c>-ExchangeRate</c>: a hashtable of US dollars per unit (<c>@{ EUR = 1.08 }</c>) or the path
    /// of a CSV file with Date,Currency,UsdRate rows (resolved against the current location).
    /// Anything else is an error naming the parameter.
    /// </summary>
    internal static class ExchangeRateArgument
    {
        public const string Parameter = "ExchangeRate";

        public static ExchangeRateOverride? Read(PSCmdlet cmdlet, object? argument)
        {
            switch (PlainData.Unwrap(argument))
            {
                case null:
                    return null;
                case IDictionary table:
                    return ExchangeRateOverride.Fixed(Rates(table));
                case System.IO.FileInfo file:
                    return ExchangeRateOverride.ReadCsv(file.FullName);
                case string path when path.Trim().Length > 0:
                    return ExchangeRateOverride.ReadCsv(cmdlet.GetUnresolvedProviderPathFromPSPath(path.Trim()));
                case var other:
                    throw PinterestAdsException.InvalidArgument(Parameter, $"'{other}' is neither a table of rates (@{{ EUR = 1.08 }}: US dollars per unit) nor the path of a CSV file with Date,Currency,UsdRate rows.", other);
            }
        }

        private static IEnumerable<KeyValuePair<string, decimal>> Rates(IDictionary table)
        {
            foreach (DictionaryEntry entry in table)
            {
                string currency = Convert.ToString(PlainData.Unwrap(entry.Key), CultureInfo.InvariantCulture) ?? string.Empty;
                if (!LanguagePrimitives.TryConvertTo(PlainData.Unwrap(entry.Value), CultureInfo.InvariantCulture, out decimal rate))
                {
                    throw PinterestAdsException.InvalidArgument(Parameter, $"the rate of {currency}, '{entry.Value}', is not a number of US dollars per {currency}.", entry.Value);
                }

                yield return new KeyValuePair<string, decimal>(currency, rate);
            }
        }
    }
}
