namespace PinterestAds.Core.Reports
{
    /// <summary>Counts that add up: one entity on one date, an entity's total, or a sum of entities.</summary>
    internal sealed class Tally
    {
        public decimal Spend { get; private set; }

        public decimal SpendUsd { get; private set; }

        public long Impressions { get; private set; }

        public long Clicks { get; private set; }

        public long Conversions { get; private set; }

        /// <summary>Clicks per impression; null without impressions.</summary>
        public double? Ctr => Impressions == 0 ? (double?)null : (double)Clicks / Impressions;

        public static Tally Of(ReportRow row)
        {
            var tally = new Tally();
            tally.Add(row.Spend, row.SpendUsd, row.Impressions, row.Clicks, row.Conversions);
            return tally;
        }

        public void Add(Tally other) => Add(other.Spend, other.SpendUsd, other.Impressions, other.Clicks, other.Conversions);

        private void Add(decimal spend, decimal spendUsd, long impressions, long clicks, long conversions)
        {
            Spend += spend;
            SpendUsd += spendUsd;
            Impressions += impressions;
            Clicks += clicks;
            Conversions += conversions;
        }
    }
}
