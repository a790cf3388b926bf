using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CsvHelper;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Rates
{
    /// <summary>
    /// Rates the caller supplies with <c>-ExchangeRate</c>, in US dollars per unit: one per currency for
    /// every date (<c>@{ EUR = 1.08 }</c>), or by date from a CSV of <c>Date,Currency,UsdRate</c> rows
    /// (a day missing from the file takes the last earlier one). Currencies it does not name come
    /// from the ECB.
    /// </summary>
    public sealed class ExchangeRateOverride
    {
        private const string Parameter = "ExchangeRate";

        private readonly IReadOnlyDictionary<string, decimal> _fixed;
        private readonly IReadOnlyDictionary<string, RateSeries> _dated;

        private ExchangeRateOverride(IReadOnlyDictionary<string, decimal> fixedRates, IReadOnlyDictionary<string, RateSeries> dated, string description)
        {
            _fixed = fixedRates;
            _dated = dated;
            Description = description;
        }

        /// <summary>Where the rates came from, for messages: "-ExchangeRate @{...}" or the CSV path.</summary>
        public string Description { get; }

        /// <summary>One rate per currency; each key a currency code, each value US dollars per unit (positive).</summary>
        public static ExchangeRateOverride Fixed(IEnumerable<KeyValuePair<string, decimal>> rates)
        {
            var table = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var pair in rates)
            {
                table[Currency(pair.Key, null)] = Positive(pair.Value, pair.Key);
            }

            if (table.Count == 0)
            {
                throw PinterestAdsException.InvalidArgument(Parameter, "the table is empty: name a rate per currency, e.g. @{ EUR = 1.08 } (US dollars per euro).");
            }

            return new ExchangeRateOverride(table, new Dictionary<string, RateSeries>(), "-ExchangeRate @{" + string.Join("; ", table.Keys) + "}");
        }

        /// <summary>Reads a CSV file with the header Date,Currency,UsdRate (any column order, any case).</summary>
        public static ExchangeRateOverride ReadCsv(string path)
        {
            var rows = new Dictionary<string, List<KeyValuePair<DateTime, decimal>>>(StringComparer.Ordinal);
            try
            {
                using var csv = CsvReader.FromFile(path, new CsvReaderOptions { TrimWhitespace = true });
                if (!csv.TryGetFieldIndex("Date", out int dateColumn) || !csv.TryGetFieldIndex("Currency", out int currencyColumn) || !csv.TryGetFieldIndex("UsdRate", out int rateColumn))
                {
                    throw PinterestAdsException.InvalidArgument(Parameter, $"'{path}' needs the header Date,Currency,UsdRate (one rate per row: a day, a currency code and US dollars per unit).", path);
                }

                while (csv.Read())
                {
                    string where = $"'{path}' line {csv.LineNumber}";
                    string dateText = csv.GetString(dateColumn);
                    if (!DateTime.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateTime day))
                    {
                        throw PinterestAdsException.InvalidArgument(Parameter, $"{where}: Date '{dateText}' is not a day written yyyy-MM-dd.", path);
                    }

                    string currency = Currency(csv.GetString(currencyColumn), where);
                    string rateText = csv.GetString(rateColumn);
                    if (!decimal.TryParse(rateText, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal rate))
                    {
                        throw PinterestAdsException.InvalidArgument(Parameter, $"{where}: UsdRate '{rateText}' is not a number (US dollars per {currency}, with a point as the decimal separator).", path);
                    }

                    if (!rows.TryGetValue(currency, out var list))
                    {
                        rows[currency] = list = new List<KeyValuePair<DateTime, decimal>>();
                    }

                    list.Add(new KeyValuePair<DateTime, decimal>(day, Positive(rate, where)));
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is CsvFormatException)
            {
                throw PinterestAdsException.InvalidArgument(Parameter, $"'{path}' cannot be read: {ex.Message.Split('\n')[0].Trim()}", path);
            }

            if (rows.Count == 0)
            {
                throw PinterestAdsException.InvalidArgument(Parameter, $"'{path}' holds no rates: add rows of Date,Currency,UsdRate below its header.", path);
            }

            return new ExchangeRateOverride(new Dictionary<string, decimal>(), rows.ToDictionary(p => p.Key, p => new RateSeries(p.Value), StringComparer.Ordinal), path);
        }

        public bool Covers(string currency) => _fixed.ContainsKey(currency) || _dated.ContainsKey(currency);

        /// <summary>US dollars per unit of <paramref name="currency"/> on <paramref name="day"/>; null when the override has none for that day.</summary>
        internal decimal? UsdPerUnit(string currency, DateTime day) =>
            _fixed.TryGetValue(currency, out decimal rate) ? rate : _dated.TryGetValue(currency, out var series) ? series.OnOrBefore(day) : null;

        /// <param name="where">The file and line, for a CSV; null for a table.</param>
        private static string Currency(string text, string? where)
        {
            string code = text.Trim().ToUpperInvariant();
            if (code.Length != 3 || !code.All(c => c >= 'A' && c <= 'Z'))
            {
                throw PinterestAdsException.InvalidArgument(Parameter, $"{(where is null ? string.Empty : where + ": ")}'{text}' is not a currency code (three letters, such as EUR).", text);
            }

            return code;
        }

        /// <param name="what">The currency (a table) or the file and line (a CSV).</param>
        private static decimal Positive(decimal rate, string what) =>
            rate > 0 ? rate : throw PinterestAdsException.InvalidArgument(Parameter, $"{what}: {rate.ToString(CultureInfo.InvariantCulture)} is not a rate: US dollars per unit must be more than 0.", rate);
    }
}
