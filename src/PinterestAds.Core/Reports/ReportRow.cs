using System;

namespace PinterestAds.Core.Reports
{
    /// <summary>
    /// One analytics row as the report reads it: one entity (ad account, campaign, ad group or ad) on
    /// one date, or over the whole range when <see cref="Date"/> is null. Callers map their own rows
    /// (e.g. PinterestAds.AnalyticsRow) onto it and hand it to <see cref="ReportContent.Add(ReportRow)"/>.
    /// </summary>
    public sealed class ReportRow
    {
        /// <summary>AdAccount, Campaign, AdGroup or Ad; with <see cref="EntityId"/> it identifies the entity.</summary>
        public string Level { get; set; } = string.Empty;

        public string EntityId { get; set; } = string.Empty;

        /// <summary>What the entity is called; the id stands in when it is blank.</summary>
        public string? EntityName { get; set; }

        /// <summary>The UTC day (or hour) the counts are for; null for a total over the range.</summary>
        public DateTime? Date { get; set; }

        /// <summary>Spend in <see cref="Currency"/>.</summary>
        public decimal Spend { get; set; }

        /// <summary>ISO 4217 code of <see cref="Spend"/>.</summary>
        public string? Currency { get; set; }

        /// <summary><see cref="Spend"/> in US dollars, which adds up across currencies.</summary>
        public decimal SpendUsd { get; set; }

        public long Impressions { get; set; }

        public long Clicks { get; set; }

        public long Conversions { get; set; }
    }
}
