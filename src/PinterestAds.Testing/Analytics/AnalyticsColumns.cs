using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PinterestAds.Testing.Analytics
{
    /// <summary>The column enums of the spec: 175 for synchronous analytics, 613 for async reports.</summary>
    internal static class AnalyticsColumns
    {
        private static readonly Lazy<HashSet<string>> SyncSet = new Lazy<HashSet<string>>(() => Load("SyncColumns.txt"));
        private static readonly Lazy<HashSet<string>> AsyncSet = new Lazy<HashSet<string>>(() => Load("AsyncColumns.txt"));

        public static HashSet<string> Sync => SyncSet.Value;

        public static HashSet<string> Async => AsyncSet.Value;

        /// <summary>
        /// Up to three valid names closest to <paramref name="unknown"/>, so a 400 says what was meant:
        /// names sharing its words first (CONVERSION_1 → TOTAL_CONVERSIONS), then by edit distance.
        /// </summary>
        public static string Nearest(string unknown, IEnumerable<string> valid)
        {
            string upper = unknown.ToUpperInvariant();
            string[] words = upper.Split('_').Where(w => w.Length >= 3).ToArray();
            return string.Join(", ", valid
                .OrderByDescending(v => words.Count(w => v.Contains(w)))
                .ThenBy(v => Distance(upper, v))
                .ThenBy(v => v, StringComparer.Ordinal)
                .Take(3));
        }

        private static HashSet<string> Load(string name)
        {
            using (Stream stream = typeof(AnalyticsColumns).Assembly.GetManifestResourceStream("PinterestAds.Testing.Analytics." + name)
                ?? throw new InvalidOperationException("Missing resource " + name))
            using (var reader = new StreamReader(stream))
            {
                var set = new HashSet<string>(StringComparer.Ordinal);
                string? line;
                while ((line = reader.ReadLine()) != null)
                {
                    if (line.Length > 0 && line[0] != '#')
                    {
                        set.Add(line.Trim());
                    }
                }

                return set;
            }
        }

        private static int Distance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (int j = 1; j <= b.Length; j++)
                {
                    int substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                    current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
                }

                var swap = previous;
                previous = current;
                current = swap;
            }

            return previous[b.Length];
        }
    }
}
