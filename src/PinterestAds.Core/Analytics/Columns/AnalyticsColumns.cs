using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using PinterestAds.Core.Ads.Values;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Analytics.Columns
{
    /// <summary>
    /// The spec's analytics column enums: 175 for the synchronous endpoints (what <c>-Column</c>
    /// takes), 613 for async reports, and the default four. Loaded on first use, never at import.
    /// </summary>
    public static class AnalyticsColumns
    {
        /// <summary>Spend in the account's currency, paid impressions, paid clicks, conversions (not CONVERSION_1: no such column).</summary>
        public static readonly IReadOnlyList<string> Defaults = new[] { "SPEND_IN_DOLLAR", "IMPRESSION_1", "CLICKTHROUGH_1", "TOTAL_CONVERSIONS" };

        private static readonly Lazy<string[]> SyncList = new Lazy<string[]>(() => Load("SyncColumns.txt"));
        private static readonly Lazy<HashSet<string>> AsyncSet = new Lazy<HashSet<string>>(() => new HashSet<string>(Load("AsyncColumns.txt"), StringComparer.Ordinal));

        /// <summary>The columns of the synchronous analytics endpoints, in the spec's order.</summary>
        public static IReadOnlyList<string> Sync => SyncList.Value;

        /// <summary>
        /// <paramref name="columns"/> spelled as Pinterest expects (case and separators forgiven), without
        /// repeats; the defaults when none are given. An unknown name is an error naming
        /// <paramref name="parameter"/> and the nearest valid names.
        /// </summary>
        internal static string[] Require(string parameter, IReadOnlyList<string>? columns)
        {
            if (columns is null || columns.Count == 0)
            {
                return Defaults.ToArray();
            }

            var checkedColumns = new List<string>(columns.Count);
            foreach (string column in columns)
            {
                string name = EnumValues.TryMatch(column, Sync) ?? throw Unknown(parameter, column);
                if (!checkedColumns.Contains(name))
                {
                    checkedColumns.Add(name);
                }
            }

            return checkedColumns.ToArray();
        }

        /// <summary>The first of <paramref name="columns"/> that async reports do not offer; null when they offer all.</summary>
        internal static string? FirstNotInReports(IEnumerable<string> columns) => columns.FirstOrDefault(c => !AsyncSet.Value.Contains(c));

        private static PinterestAdsException Unknown(string parameter, string column)
        {
            var nearest = Similarity.Nearest(column, Sync);
            string hint = nearest.Count == 0 ? string.Empty : $" Did you mean {string.Join(", ", nearest)}?";
            return PinterestAdsException.InvalidArgument(
                parameter,
                $"'{column}' is not a column of Pinterest's analytics.{hint} The default columns are {string.Join(", ", Defaults)}; the full list is the spec's columns enum (175 names).",
                column);
        }

        private static string[] Load(string name)
        {
            using var stream = typeof(AnalyticsColumns).Assembly.GetManifestResourceStream("PinterestAds.Core.Analytics.Columns." + name)
                ?? throw new InvalidOperationException("The assembly lacks its resource " + name + ".");
            using var reader = new StreamReader(stream);
            var names = new List<string>();
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                if (line.Length > 0 && line[0] != '#')
                {
                    names.Add(line.Trim());
                }
            }

            return names.ToArray();
        }
    }
}
