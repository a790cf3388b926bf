using System;
using System.Collections.Generic;
using System.Linq;

namespace PinterestAds.Core.Ads.Values
{
    /// <summary>Finds the valid values nearest to a wrong one, for "did you mean" hints.</summary>
    public static class Similarity
    {
        /// <summary>
        /// Candidates ranked by words shared with <paramref name="input"/> (more first), then by edit
        /// distance; only plausible ones (a shared word, or a distance within a third of the length).
        /// </summary>
        public static IReadOnlyList<string> Nearest(string input, IEnumerable<string> candidates, int max = 3)
        {
            string key = Canonical(input);
            var words = new HashSet<string>(Words(key), StringComparer.Ordinal);
            return candidates
                .Select(c => new { Value = c, Key = Canonical(c) })
                .Select(c => new
                {
                    c.Value,
                    Shared = Words(c.Key).Count(words.Contains),
                    Distance = Distance(key.Replace("_", string.Empty), c.Key.Replace("_", string.Empty)),
                    Length = Math.Max(key.Length, c.Key.Length),
                })
                .Where(c => c.Shared > 0 || c.Distance <= Math.Max(2, c.Length / 3))
                .OrderByDescending(c => c.Shared)
                .ThenBy(c => c.Distance)
                .ThenBy(c => c.Value, StringComparer.Ordinal)
                .Take(max)
                .Select(c => c.Value)
                .ToArray();
        }

        /// <summary>Upper case, words joined by single underscores: "Shop now" → SHOP_NOW, "shopNow" → SHOP_NOW.</summary>
        public static string Canonical(string text)
        {
            var result = new System.Text.StringBuilder(text.Length + 4);
            char previous = '\0';
            foreach (char c in text.Trim())
            {
                if (char.IsLetterOrDigit(c) || c == '+')
                {
                    bool wordStart = char.IsUpper(c) && char.IsLower(previous);
                    if (wordStart && result.Length > 0 && result[result.Length - 1] != '_')
                    {
                        result.Append('_');
                    }

                    result.Append(char.ToUpperInvariant(c));
                }
                else if (result.Length > 0 && result[result.Length - 1] != '_')
                {
                    result.Append('_');
                }

                previous = c;
            }

            return result.ToString().TrimEnd('_');
        }

        /// <summary>Levenshtein distance.</summary>
        public static int Distance(string a, string b)
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
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }

                (previous, current) = (current, previous);
            }

            return previous[b.Length];
        }

        private static IEnumerable<string> Words(string canonical) => canonical.Split(new[] { '_' }, StringSplitOptions.RemoveEmptyEntries);
    }
}
