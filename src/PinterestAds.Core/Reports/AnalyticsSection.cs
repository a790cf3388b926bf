using System;
using System.Collections.Generic;
using System.Linq;

namespace PinterestAds.Core.Reports
{
    /// <summary>The analytics part of a report: spend, impressions and CTR over time, then a totals table.</summary>
    internal static class AnalyticsSection
    {
        public static void Write(Markup m, IReadOnlyCollection<EntityHistory> entities, ChartFrames charts)
        {
            m.Element("h2", "Performance over time");
            var dated = entities.Where(e => e.HasDates).ToList();
            if (dated.Count == 0)
            {
                m.Element("p", "The rows carry no dates (granularity Total), so there is nothing to draw over time; their totals are below.", "note");
            }
            else
            {
                WriteCharts(m, dated, charts);
            }

            m.Element("h2", "Totals");
            WriteTotals(m, entities);
        }

        private static void WriteCharts(Markup m, List<EntityHistory> dated, ChartFrames charts)
        {
            var dates = dated.SelectMany(e => e.ByDate.Keys).ToList();
            DateTime first = dates.Min(), last = dates.Max();
            bool hasHours = dates.Any(d => d.TimeOfDay != TimeSpan.Zero);
            TimeAxis axis = TimeAxis.Covering(first, last, hasHours, LineChart.MaxTimeTicks);
            string caption = "UTC, " + TimeAxis.Range(first, last, hasHours);
            var lines = ChartLine.Fold(dated);
            if (dated.Count > ChartLine.MaxEntities)
            {
                m.Element("p", $"The {ChartLine.MaxEntities} entities with the most spend have their own line; the other {dated.Count - ChartLine.MaxEntities} are added up as \"Others\". The table lists every entity.", "note");
            }

            // One currency is drawn as it is; mixed currencies only add up in US dollars.
            var currencies = dated.Select(e => e.Currency).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            bool single = currencies.Count == 1 && currencies[0] != null;
            foreach (Measure measure in new[] { Measure.Spend(single ? currencies[0]! : "USD", inUsd: !single), Measure.Impressions, Measure.Ctr })
            {
                m.Open("figure");
                LineChart.Write(m, charts, measure, lines, axis, caption);
                m.Close();
            }
        }

        private static void WriteTotals(Markup m, IReadOnlyCollection<EntityHistory> entities)
        {
            var rows = EntityHistory.RankBySpend(entities);
            m.Open("table", "totals");
            m.Open("thead").Open("tr");
            m.ColumnHeader("Entity");
            m.ColumnHeader("Level");
            foreach (string numeric in new[] { "Spend", "Spend (USD)", "Impressions", "Clicks", "CTR", "Conversions" })
            {
                m.ColumnHeader(numeric, "num");
            }

            m.Close().Close();
            m.Open("tbody");
            int decimals = NumberText.PercentDecimals(rows.Select(r => r.Total.Ctr));
            foreach ((EntityHistory entity, Tally total) in rows)
            {
                m.Open("tr");
                m.Open("td").Text(entity.Name);
                if (entity.Name != entity.Id)
                {
                    m.Element("span", entity.Id, "id");
                }

                m.Close();
                m.Element("td", entity.Level);
                WriteNumbers(m, total, entity.Currency, decimals);
                m.Close();
            }

            m.Close();
            WriteGrandTotal(m, rows.Select(r => r.Entity).ToList(), rows.Select(r => r.Total).ToList(), decimals);
            m.Close();
        }

        /// <summary>A sum row, only when the entities are one level (a campaign and its ad groups would count twice).</summary>
        private static void WriteGrandTotal(Markup m, List<EntityHistory> entities, List<Tally> totals, int decimals)
        {
            var levels = entities.Select(e => e.Level).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (entities.Count < 2 || levels.Count != 1)
            {
                return;
            }

            var sum = new Tally();
            totals.ForEach(sum.Add);
            var currencies = entities.Select(e => e.Currency).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            m.Open("tfoot").Open("tr");
            m.Element("td", "All " + NumberText.Count(entities.Count));
            m.Element("td", levels[0]);
            WriteNumbers(m, sum, currencies.Count == 1 ? currencies[0] : null, decimals, spendAddsUp: currencies.Count == 1 && currencies[0] != null);
            m.Close().Close();
        }

        private static void WriteNumbers(Markup m, Tally tally, string? currency, int decimals, bool spendAddsUp = true)
        {
            m.Element("td", spendAddsUp ? NumberText.Money(tally.Spend, currency) : "–", "num");
            m.Element("td", NumberText.Money(tally.SpendUsd, null), "num");
            m.Element("td", NumberText.Count(tally.Impressions), "num");
            m.Element("td", NumberText.Count(tally.Clicks), "num");
            m.Element("td", NumberText.Percent(tally.Ctr, decimals), "num");
            m.Element("td", NumberText.Count(tally.Conversions), "num");
        }
    }
}
