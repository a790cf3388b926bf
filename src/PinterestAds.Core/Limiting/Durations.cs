using System;
using System.Globalization;

namespace PinterestAds.Core.Limiting
{
    /// <summary>Short, readable durations and instants for messages: <c>2.5 s</c>, <c>12 min</c>, <c>18 h 40 min</c>.</summary>
    internal static class Durations
    {
        public static string Format(TimeSpan value)
        {
            if (value < TimeSpan.Zero)
            {
                value = TimeSpan.Zero;
            }

            if (value.TotalSeconds < 10)
            {
                return value.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
            }

            if (value.TotalMinutes < 2)
            {
                return Math.Round(value.TotalSeconds).ToString(CultureInfo.InvariantCulture) + " s";
            }

            if (value.TotalHours < 2)
            {
                return Math.Round(value.TotalMinutes).ToString(CultureInfo.InvariantCulture) + " min";
            }

            return ((int)value.TotalHours).ToString(CultureInfo.InvariantCulture) + " h " + value.Minutes.ToString(CultureInfo.InvariantCulture) + " min";
        }

        /// <summary>UTC, to the second, e.g. <c>2025-11-28 14:05:09Z</c>.</summary>
        public static string Instant(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
