using System;
using System.Collections.Generic;
using System.Linq;

namespace PinterestAds.Core.Analytics.Columns
{
    /// <summary>
    /// Which requested column feeds each typed measure of a row: spend (SPEND_IN_DOLLAR, else the
    /// micro-unit column), impressions, clicks and conversions. A measure whose columns were not
    /// requested stays null; one that was requested but is missing from a row is 0, because
    /// Pinterest leaves out columns without a value (async JSON reports leave out every zero).
    /// </summary>
    internal sealed class MeasureColumns
    {
        private static readonly string[] SpendUnits = { "SPEND_IN_DOLLAR" };
        private static readonly string[] SpendMicros = { "SPEND_IN_MICRO_DOLLAR" };
        private static readonly string[] ImpressionColumns = { "IMPRESSION_1", "PAID_IMPRESSION", "TOTAL_IMPRESSION" };
        private static readonly string[] ClickColumns = { "CLICKTHROUGH_1", "TOTAL_CLICKTHROUGH" };
        private static readonly string[] ConversionColumns = { "TOTAL_CONVERSIONS" };

        private readonly string? _spendUnits;
        private readonly string? _spendMicros;
        private readonly string? _impressions;
        private readonly string? _clicks;
        private readonly string? _conversions;

        public MeasureColumns(IReadOnlyCollection<string> requested)
        {
            _spendUnits = First(requested, SpendUnits);
            _spendMicros = _spendUnits is null ? First(requested, SpendMicros) : null;
            _impressions = First(requested, ImpressionColumns);
            _clicks = First(requested, ClickColumns);
            _conversions = First(requested, ConversionColumns);
        }

        /// <summary>True when rows carry spend, so they need a rate to US dollars.</summary>
        public bool HasSpend => _spendUnits != null || _spendMicros != null;

        public decimal? Spend(IReadOnlyDictionary<string, object?> row)
        {
            if (_spendUnits != null)
            {
                return Number(row, _spendUnits);
            }

            return _spendMicros != null ? Number(row, _spendMicros) / 1_000_000m : null;
        }

        public long? Impressions(IReadOnlyDictionary<string, object?> row) => Count(row, _impressions);

        public long? Clicks(IReadOnlyDictionary<string, object?> row) => Count(row, _clicks);

        public long? Conversions(IReadOnlyDictionary<string, object?> row) => Count(row, _conversions);

        private static string? First(IReadOnlyCollection<string> requested, string[] candidates) => candidates.FirstOrDefault(requested.Contains);

        private static long? Count(IReadOnlyDictionary<string, object?> row, string? column) =>
            column is null ? null : (long?)Math.Round(Number(row, column), MidpointRounding.AwayFromZero);

        private static decimal Number(IReadOnlyDictionary<string, object?> row, string column) =>
            row.TryGetValue(column, out object? value) ? value switch
            {
                long whole => whole,
                decimal amount => amount,
                double real when Math.Abs(real) < 7.9e28 => (decimal)real,
                string text when decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out decimal parsed) => parsed,
                _ => 0m,
            } : 0m;
    }
}
