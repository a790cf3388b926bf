using System;
using System.Linq;

namespace PinterestAds.Testing.Analytics
{
    /// <summary>
    /// Test controls for analytics (<see cref="PinTestServer.Analytics"/>): set an entity's delivery
    /// on a day (spend, impressions, clicks, conversions), and read back any column's value as the
    /// synchronous endpoints and async reports compute it.
    /// </summary>
    public sealed class AnalyticsControl
    {
        private readonly AnalyticsData _data;

        internal AnalyticsControl(AnalyticsData data)
        {
            _data = data;
        }

        /// <summary>
        /// Sets what an entity (campaign, ad group, ad or ad account id) delivered on a UTC day, in
        /// the ad account's currency; null keeps the generated value. Levels are independent: setting
        /// a campaign's spend does not change its ads' or its account's. Hours split the day's values.
        /// </summary>
        public void SetDailyMetrics(string entityId, DateTime date, decimal? spend = null, long? impressions = null, long? clicks = null, long? conversions = null)
        {
            if (string.IsNullOrEmpty(entityId) || !entityId.All(char.IsDigit))
            {
                throw new ArgumentException("entityId is a digit string, e.g. a campaign id.", nameof(entityId));
            }

            if (spend < 0 || impressions < 0 || clicks < 0 || conversions < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(spend), "Delivery values cannot be negative.");
            }

            // Spend moves in whole cents, as the generated values do.
            long? micro = spend.HasValue ? (long)Math.Round(spend.Value * 100m, MidpointRounding.AwayFromZero) * 10_000 : (long?)null;
            _data.Overrides.Set(entityId, date.Date, day =>
            {
                day.SpendMicro = micro ?? day.SpendMicro;
                day.Impressions = impressions ?? day.Impressions;
                day.Clicks = clicks ?? day.Clicks;
                day.Conversions = conversions ?? day.Conversions;
            });
        }

        /// <summary>Forgets every value set with <see cref="SetDailyMetrics"/>.</summary>
        public void ClearDailyMetrics() => _data.Overrides.Clear();

        /// <summary>
        /// A metric column's value for one entity on one day (default attribution windows), exactly as
        /// a DAY row reports it: a long, or a decimal for amounts and rates. SPEND_IN_DOLLAR is in the
        /// ad account's currency.
        /// </summary>
        public object DailyValue(string entityId, DateTime date, string column)
        {
            if (!AnalyticsColumns.Async.Contains(column) || EntityFacts.IsAttribute(column))
            {
                throw new ArgumentException("'" + column + "' is not a metric column of the spec.", nameof(column));
            }

            var model = new MetricModel(_data.Overrides);
            return ColumnFormula.For(column).Evaluate(component => model.Value(entityId, date.Date, null, component, AttributionWindows.Default));
        }
    }
}
