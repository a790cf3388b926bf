using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Ads.Reading;
using PinterestAds.Core.Analytics.Columns;
using PinterestAds.Core.Analytics.Parsing;
using PinterestAds.Core.Analytics.Planning;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Rates;
using PinterestAds.Core.Session;

namespace PinterestAds.Core.Analytics
{
    /// <summary>
    /// Turns rows as Pinterest sent them (synchronous or from a report) into <see cref="AnalyticsRow"/>s
    /// of one shape: the entity's id and name, the date, the typed measures, and spend in US dollars
    /// at the rate of the row's day (a Total row: its first day).
    /// </summary>
    internal sealed class RowAssembler
    {
        private static readonly string[] DateFormats = { "yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss" };

        private readonly ReadSpec _spec;
        private readonly LevelEndpoints _level;
        private readonly MeasureColumns _measures;
        private readonly string _account;
        private readonly string? _currency;
        private readonly UsdRates? _rates;
        private readonly IReadOnlyDictionary<string, string?>? _names;

        private RowAssembler(ReadSpec spec, MeasureColumns measures, string? currency, UsdRates? rates, IReadOnlyDictionary<string, string?>? names)
        {
            _spec = spec;
            _level = LevelEndpoints.For(spec.Query.Level);
            _measures = measures;
            _account = spec.Query.AdAccountId.ToString();
            _currency = currency;
            _rates = rates;
            _names = names;
        }

        /// <summary>
        /// Learns the account's currency and, when rows carry spend in US dollars, its rates: done before the first
        /// request, so a currency without a rate is refused before anything is sent.
        /// </summary>
        public static async Task<RowAssembler> ForAsync(PinterestAdsContext context, ReadSpec spec, IReadOnlyDictionary<string, string?>? names, ICallObserver observer, CancellationToken cancellationToken)
        {
            var measures = new MeasureColumns(spec.Columns);
            string? currency = await AccountCurrencies.GetAsync(context, spec.Query.AdAccountId, observer, cancellationToken).ConfigureAwait(false);
            UsdRates? rates = measures.HasSpend && currency != null && spec.Query.ConvertToUsd
                ? await UsdRates.ForAsync(context, spec.Query.AdAccountId.ToString(), currency, spec.Query.ExchangeRate, observer, cancellationToken).ConfigureAwait(false)
                : null;
            return new RowAssembler(spec, measures, currency, rates, names);
        }

        public AnalyticsRow Assemble(RawRow raw, DateSpan span)
        {
            var values = raw.Values;
            string id = _spec.Query.Level == AnalyticsLevel.AdAccount ? _account : Text(values, _level.IdColumn) ?? raw.Group ?? string.Empty;
            DateTime? date = _spec.Query.Granularity == AnalyticsGranularity.Total ? null : Date(Text(values, "DATE") ?? raw.Group);
            var row = new AnalyticsRow
            {
                AdAccountId = _account,
                Level = _spec.Query.Level,
                Id = id,
                Name = _names != null && _names.TryGetValue(id, out string? name) ? name : null,
                Date = date,
                Period = Period(date, span),
                Spend = _measures.Spend(values),
                Currency = _currency,
                Impressions = _measures.Impressions(values),
                Clicks = _measures.Clicks(values),
                Conversions = _measures.Conversions(values),
                Metrics = values,
            };
            if (row.Spend is decimal spend && _rates != null)
            {
                decimal rate = _rates.UsdPerUnit((date ?? span.Start).Date);
                row.UsdRate = rate;
                row.SpendUsd = UsdRates.ToUsd(spend, rate);
            }

            return row;
        }

        private string Period(DateTime? date, DateSpan span)
        {
            if (date is not DateTime day)
            {
                return span.Start == span.End ? DateSpan.Format(span.Start) : DateSpan.Format(span.Start) + " to " + DateSpan.Format(span.End);
            }

            return _spec.Query.Granularity switch
            {
                AnalyticsGranularity.Hour => day.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                AnalyticsGranularity.Week => "week of " + DateSpan.Format(day),
                AnalyticsGranularity.Month => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                _ => DateSpan.Format(day),
            };
        }

        private static string? Text(IReadOnlyDictionary<string, object?> values, string column) =>
            values.TryGetValue(column, out object? value) ? value switch
            {
                string text => text,
                long number => number.ToString(CultureInfo.InvariantCulture),
                _ => null,
            } : null;

        private static DateTime? Date(string? text) =>
            text != null && DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime day)
                ? DateTime.SpecifyKind(day, DateTimeKind.Utc)
                : (DateTime?)null;
    }
}
