using System;
using System.Collections.Generic;

namespace PinterestAds.Core.Analytics
{
    /// <summary>
    /// One analytics row: one entity (ad account, campaign, ad group or ad) on one date, or over the
    /// whole range for Total. The usual four measures are typed (null when their column was not
    /// asked for), spend also in US dollars; <see cref="Metrics"/> keeps every column Pinterest
    /// returned, by its Pinterest name. Rows from async reports have the same shape.
    /// </summary>
    public sealed class AnalyticsRow
    {
        public string AdAccountId { get; set; } = string.Empty;

        public AnalyticsLevel Level { get; set; }

        /// <summary>The entity's id (the ad account's id at level AdAccount).</summary>
        public string Id { get; set; } = string.Empty;

        /// <summary>The entity's name when known (piped in, or listed because no ids were given); null otherwise.</summary>
        public string? Name { get; set; }

        /// <summary>The UTC day (with the hour for Hour, the first day covered for Week and Month); null for Total.</summary>
        public DateTime? Date { get; set; }

        /// <summary>What the row covers, as a table shows it: "2024-05-01", "2024-05-01 13:00", "week of 2024-05-06", "2024-05", or "2024-05-01 to 2024-05-07" for Total.</summary>
        public string Period { get; set; } = string.Empty;

        /// <summary>Spend in <see cref="Currency"/>, the ad account's currency.</summary>
        public decimal? Spend { get; set; }

        /// <summary>ISO 4217 code of the ad account's currency.</summary>
        public string? Currency { get; set; }

        /// <summary><see cref="Spend"/> in US dollars: Spend × <see cref="UsdRate"/>, to the micro-dollar.</summary>
        public decimal? SpendUsd { get; set; }

        /// <summary>US dollars per unit of <see cref="Currency"/> on the row's date (1 for USD).</summary>
        public decimal? UsdRate { get; set; }

        public long? Impressions { get; set; }

        public long? Clicks { get; set; }

        public long? Conversions { get; set; }

        /// <summary>Clicks per impression (0.0123 is 1.23 %); null without impressions.</summary>
        public decimal? Ctr => Impressions is long shown && shown > 0 && Clicks is long clicked ? Math.Round((decimal)clicked / shown, 6) : (decimal?)null;

        /// <summary>Every column Pinterest returned for the row, by its Pinterest name (SPEND_IN_DOLLAR, DATE, CAMPAIGN_ID, …).</summary>
        public IReadOnlyDictionary<string, object?> Metrics { get; set; } = new Dictionary<string, object?>();

        public override string ToString() => $"{Level} {Id} {Date:yyyy-MM-dd}";
    }
}
