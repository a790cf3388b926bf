using System;
using System.Collections.Generic;
using System.Linq;

namespace PinterestAds.Core.Reports
{
    /// <summary>One line of a time chart: an entity, or the sum of the entities folded into "others".</summary>
    internal sealed class ChartLine
    {
        /// <summary>Entities drawn in their own colour, at most; the rest become one "others" line.</summary>
        public static int MaxEntities => Palette.Count;

        private ChartLine(string label, string colour, bool isOthers, IReadOnlyDictionary<DateTime, Tally> points)
        {
            Label = label;
            Colour = colour;
            IsOthers = isOthers;
            Points = points;
        }

        public string Label { get; }

        public string Colour { get; }

        public bool IsOthers { get; }

        /// <summary>Tallies by date, in date order.</summary>
        public IReadOnlyDictionary<DateTime, Tally> Points { get; }

        /// <summary>
        /// The lines for <paramref name="entities"/> (those with dated rows), eight at most so a chart stays
        /// readable: the <see cref="MaxEntities"/> with the most spend (in USD, then impressions) and one
        /// "Others" line that sums the rest date by date.
        /// </summary>
        public static IReadOnlyList<ChartLine> Fold(IEnumerable<EntityHistory> entities)
        {
            var ranked = EntityHistory.RankBySpend(entities).Select(r => r.Entity).ToList();
            int own = Math.Min(ranked.Count, MaxEntities);
            var shown = ranked.Take(own).ToList();
            var labels = Labels(shown);
            var lines = shown.Select((e, i) => new ChartLine(labels[i], Palette.Of(i), false, e.ByDate)).ToList();
            if (ranked.Count > own)
            {
                var folded = ranked.Skip(own).ToList();
                lines.Add(new ChartLine($"Others ({folded.Count} more)", Palette.Others, true, Sum(folded)));
            }

            return lines;
        }

        /// <summary>Names, with the level in front when levels are mixed and the id behind when names repeat.</summary>
        private static List<string> Labels(List<EntityHistory> entities)
        {
            bool mixedLevels = entities.Select(e => e.Level).Distinct(StringComparer.OrdinalIgnoreCase).Count() > 1;
            var repeated = new HashSet<string>(
                entities.GroupBy(e => e.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key),
                StringComparer.OrdinalIgnoreCase);
            return entities.Select(e =>
                (mixedLevels ? e.Level + ": " : string.Empty) + e.Name + (repeated.Contains(e.Name) && e.Name != e.Id ? " (" + e.Id + ")" : string.Empty)).ToList();
        }

        private static SortedDictionary<DateTime, Tally> Sum(IEnumerable<EntityHistory> entities)
        {
            var sum = new SortedDictionary<DateTime, Tally>();
            foreach (EntityHistory entity in entities)
            {
                foreach (KeyValuePair<DateTime, Tally> point in entity.ByDate)
                {
                    if (!sum.TryGetValue(point.Key, out Tally? tally))
                    {
                        tally = new Tally();
                        sum.Add(point.Key, tally);
                    }

                    tally.Add(point.Value);
                }
            }

            return sum;
        }
    }
}
