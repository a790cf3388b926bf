using System;
using System.Collections.Generic;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Rates;

namespace PinterestAds.Core.Analytics
{
    /// <summary>
    /// What analytics to read for one ad account: the level and its ids (none at level AdAccount;
    /// none at another level means every entity of that level), the UTC days, and the columns and
    /// attribution settings. Property names are the cmdlet parameters' names, so errors name them.
    /// </summary>
    public sealed class AnalyticsQuery
    {
        /// <summary>Days read when no dates are given: the last seven, today included.</summary>
        public const int DefaultDays = 7;

        public AnalyticsQuery(PinterestId adAccountId, AnalyticsLevel level, IReadOnlyList<PinterestId>? ids = null)
        {
            AdAccountId = adAccountId;
            Level = level;
            Ids = ids ?? Array.Empty<PinterestId>();
        }

        public PinterestId AdAccountId { get; }

        public AnalyticsLevel Level { get; }

        /// <summary>Campaign, ad group or ad ids of <see cref="Level"/>; empty reads every entity of the level (listed first).</summary>
        public IReadOnlyList<PinterestId> Ids { get; }

        /// <summary>Entity names by id when the caller knows them (piped campaigns, say); rows carry them.</summary>
        public IReadOnlyDictionary<string, string?>? Names { get; set; }

        /// <summary>First UTC day (the time of day is ignored); default six days before <see cref="EndDate"/>.</summary>
        public DateTime? StartDate { get; set; }

        /// <summary>Last UTC day; default today.</summary>
        public DateTime? EndDate { get; set; }

        public AnalyticsGranularity Granularity { get; set; } = AnalyticsGranularity.Day;

        /// <summary>Columns of the spec's enum; null or empty for the defaults.</summary>
        public IReadOnlyList<string>? Column { get; set; }

        /// <summary>Days after a click a conversion is credited to it: 0, 1, 7, 14, 30 or 60 (Pinterest's default 30).</summary>
        public int? ClickWindowDays { get; set; }

        /// <summary>Days after a view a conversion is credited to it: 0, 1, 7, 14, 30 or 60 (Pinterest's default 1).</summary>
        public int? ViewWindowDays { get; set; }

        /// <summary>TIME_OF_AD_ACTION (Pinterest's default) or TIME_OF_CONVERSION.</summary>
        public string? ConversionReportTime { get; set; }

        /// <summary>Rates that override the ECB's for the currencies they name.</summary>
        public ExchangeRateOverride? ExchangeRate { get; set; }

        /// <summary>
        /// Whether rows carry spend in US dollars too (SpendUsd, UsdRate). A reader that needs only the
        /// account's currency (experiment results) turns it off, and then no rate is looked up, so an
        /// account in a currency without a published rate reads all the same.
        /// </summary>
        public bool SpendInUsd { get; set; } = true;
    }
}
