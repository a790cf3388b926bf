using System;
using System.Collections.Concurrent;

namespace PinterestAds.Testing.Analytics
{
    /// <summary>
    /// How a metric column is computed from additive components: a count or money sum, or a ratio
    /// of two sums (CTR = clicks / impressions, CPC = spend / clicks, ...), so any period's value is
    /// consistent with its days. Columns without a specific rule are classified by their name.
    /// </summary>
    internal sealed class ColumnFormula
    {
        private static readonly ConcurrentDictionary<string, ColumnFormula> Cache = new ConcurrentDictionary<string, ColumnFormula>(StringComparer.Ordinal);

        private readonly Func<Func<string, long>, object> _evaluate;

        private ColumnFormula(string[] components, Func<Func<string, long>, object> evaluate)
        {
            Components = components;
            _evaluate = evaluate;
        }

        /// <summary>The additive components this column needs summed.</summary>
        public string[] Components { get; }

        /// <summary>The value (a long, or a decimal for amounts and ratios) from the component sums.</summary>
        public object Evaluate(Func<string, long> sum) => _evaluate(sum);

        public static ColumnFormula For(string column) => Cache.GetOrAdd(column, Classify);

        private static ColumnFormula Classify(string column)
        {
            const string S = MetricModel.Spend;
            const string I = MetricModel.Impressions;
            const string C = MetricModel.Clicks;
            switch (column)
            {
                case "SPEND_IN_MICRO_DOLLAR": return Count(S);
                case "SPEND_IN_DOLLAR": return Units(S);
                case "PAID_IMPRESSION":
                case "IMPRESSION_1":
                case "IMPRESSION_1_GROSS": return Count(I);
                case "CLICKTHROUGH_1":
                case "CLICKTHROUGH_1_GROSS": return Count(C);
                case "TOTAL_CONVERSIONS": return Count(MetricModel.Conversions);
                case "TOTAL_IMPRESSION": return Sum(I, "C:IMPRESSION_2");
                case "TOTAL_CLICKTHROUGH": return Sum(C, "C:CLICKTHROUGH_2");
                case "IMPRESSION_2":
                case "CLICKTHROUGH_2": return Count("C:" + column);
                case "CTR": return Ratio(C, I, 1m, 6);
                case "CTR_2": return Ratio("C:CLICKTHROUGH_2", "C:IMPRESSION_2", 1m, 6);
                case "CPC_IN_MICRO_DOLLAR":
                case "ECPC_IN_MICRO_DOLLAR": return Ratio(S, C, 1m, 0);
                case "ECPC_IN_DOLLAR": return Ratio(S, C, 0.000001m, 6);
                case "CPM_IN_MICRO_DOLLAR":
                case "ECPM_IN_MICRO_DOLLAR": return Ratio(S, I, 1000m, 0);
                case "CPM_IN_DOLLAR": return Ratio(S, I, 0.001m, 6);
            }

            bool costPer = column.StartsWith("CP", StringComparison.Ordinal) || column.StartsWith("ECP", StringComparison.Ordinal) || column.Contains("COST_PER");
            bool micro = column.Contains("MICRO_DOLLAR");
            bool units = column.EndsWith("_IN_DOLLAR", StringComparison.Ordinal) || column.Contains("_IN_DOLLAR_");
            if (costPer)
            {
                return Ratio(S, "C:" + column, micro ? 1m : 0.000001m, micro ? 0 : 6);
            }

            if (micro)
            {
                return Count("M:" + column);
            }

            if (units)
            {
                return Units("M:" + column);
            }

            if (column.Contains("ROAS"))
            {
                return Ratio("M:" + column, S, 1m, 4);
            }

            if (column.Contains("RATE") || column.Contains("CTR"))
            {
                return Ratio("C:" + column, I, 1m, 6);
            }

            return Count("C:" + column);
        }

        private static ColumnFormula Count(string component) => new ColumnFormula(new[] { component }, sum => sum(component));

        private static ColumnFormula Sum(string a, string b) => new ColumnFormula(new[] { a, b }, sum => sum(a) + sum(b));

        /// <summary>Micro-units shown as units of the account currency (SPEND_IN_DOLLAR is in the account's currency despite its name).</summary>
        private static ColumnFormula Units(string component) => new ColumnFormula(new[] { component }, sum => sum(component) / 1_000_000m);

        private static ColumnFormula Ratio(string numerator, string denominator, decimal scale, int decimals) =>
            new ColumnFormula(new[] { numerator, denominator }, sum =>
            {
                long below = sum(denominator);
                decimal value = below == 0 ? 0m : Math.Round(sum(numerator) * scale / below, decimals, MidpointRounding.AwayFromZero);
                return decimals == 0 ? (object)(long)value : value;
            });
    }
}
