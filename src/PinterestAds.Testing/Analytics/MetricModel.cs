using System;
using System.Globalization;

namespace PinterestAds.Testing.Analytics
{
    /// <summary>
    /// Deterministic delivery per (entity id, UTC day[, hour]): the same numbers on every call, on
    /// the synchronous and the async path, in the ad account's currency. A day's base values
    /// (impressions, clicks, spend in micro-units, conversions) come from a hash of id and date,
    /// with test overrides on top; every other column is an additive "component" derived from them,
    /// so totals, weeks and months are exact sums of days and hours are an exact split of their day.
    /// </summary>
    internal sealed class MetricModel
    {
        public const string Spend = "SPEND";
        public const string Impressions = "IMPRESSION";
        public const string Clicks = "CLICK";
        public const string Conversions = "CONVERSION";

        /// <summary>Spend moves in whole cents (10,000 micro-units), as invoices do.</summary>
        private const long Cent = 10_000;

        private static readonly string[] HourSalts = CreateHourSalts();

        private readonly MetricOverrides _overrides;

        public MetricModel(MetricOverrides overrides)
        {
            _overrides = overrides;
        }

        /// <summary>A component's value for one entity on one day, or in one hour of it when <paramref name="hour"/> is set.</summary>
        public long Value(string entityId, DateTime day, int? hour, string component, AttributionWindows windows)
        {
            long daily = Daily(entityId, day, component, windows);
            return hour.HasValue ? HourShare(entityId, day, hour.Value, component == Spend ? daily / Cent : daily) * (component == Spend ? Cent : 1) : daily;
        }

        private long Daily(string entityId, DateTime day, string component, AttributionWindows windows)
        {
            DayOverride? set = _overrides.Find(entityId, day);
            long impressions = set?.Impressions ?? 1_000 + Unit(entityId, day, Impressions, 9_000);
            switch (component)
            {
                case Impressions:
                    return impressions;
                case Clicks:
                    return set?.Clicks ?? impressions * (5 + Unit(entityId, day, Clicks, 35)) / 1_000;
                case Spend:
                    // CPM between 2 and 10 units of the account currency.
                    return set?.SpendMicro ?? impressions * (2_000 + Unit(entityId, day, Spend, 8_000)) / Cent * Cent;
                case Conversions:
                    long clicks = Daily(entityId, day, Clicks, windows);
                    return set?.Conversions ?? clicks * Unit(entityId, day, Conversions, 15) * windows.ConversionScale / 100 / AttributionWindows.DefaultScale;
                default:
                    // Generic counts stay below a fifth of impressions; generic money below spend.
                    if (component.StartsWith("M:", StringComparison.Ordinal))
                    {
                        return Daily(entityId, day, Spend, windows) * Unit(entityId, day, component, 100) / 100 / Cent * Cent;
                    }

                    return impressions * Unit(entityId, day, component, 200) / 1_000;
            }
        }

        /// <summary>Hour <paramref name="hour"/>'s integer share of <paramref name="total"/>; the 24 shares add up to it exactly.</summary>
        private static long HourShare(string entityId, DateTime day, int hour, long total)
        {
            long weightBefore = 0;
            long weightAll = 0;
            for (int h = 0; h < 24; h++)
            {
                long weight = 1 + Unit(entityId, day, HourSalts[h], 9);
                if (h < hour)
                {
                    weightBefore += weight;
                }

                weightAll += weight;
            }

            long weightThrough = weightBefore + 1 + Unit(entityId, day, HourSalts[hour], 9);
            return (total * weightThrough / weightAll) - (total * weightBefore / weightAll);
        }

        private static string[] CreateHourSalts()
        {
            var salts = new string[24];
            for (int h = 0; h < salts.Length; h++)
            {
                salts[h] = "H" + h.ToString(CultureInfo.InvariantCulture);
            }

            return salts;
        }

        /// <summary>0 ≤ value &lt; <paramref name="range"/>, from FNV-1a of (id, date, salt): stable across runs and platforms.</summary>
        private static long Unit(string entityId, DateTime day, string salt, long range)
        {
            ulong hash = 14695981039346656037UL;
            hash = Mix(hash, entityId);
            hash = Mix(hash, (ulong)((day.Year * 10_000) + (day.Month * 100) + day.Day));
            hash = Mix(hash, salt);
            // Final avalanche: FNV's low bits alone repeat too regularly for small ranges.
            hash ^= hash >> 33;
            hash *= 0xff51afd7ed558ccdUL;
            hash ^= hash >> 33;
            return (long)(hash % (ulong)range);
        }

        /// <summary>Ids, salts and dates are ASCII, so chars are hashed as bytes (no allocation per call).</summary>
        private static ulong Mix(ulong hash, string text)
        {
            foreach (char c in text)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            return (hash ^ 0x7C) * 1099511628211UL;
        }

        private static ulong Mix(ulong hash, ulong number) => (hash ^ number) * 1099511628211UL;
    }

    /// <summary>Conversion attribution windows; wider windows attribute more conversions.</summary>
    internal sealed class AttributionWindows
    {
        /// <summary>The scale at Pinterest's defaults (click 30, view 1).</summary>
        public const long DefaultScale = 32;

        public static readonly int[] AllowedDays = { 0, 1, 7, 14, 30, 60 };

        public AttributionWindows(int clickDays, int viewDays)
        {
            ClickDays = clickDays;
            ViewDays = viewDays;
        }

        public static AttributionWindows Default { get; } = new AttributionWindows(30, 1);

        public int ClickDays { get; }

        public int ViewDays { get; }

        public long ConversionScale => ClickDays + ViewDays + 1;
    }
}
