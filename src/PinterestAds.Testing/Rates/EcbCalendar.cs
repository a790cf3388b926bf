using System;

namespace PinterestAds.Testing.Rates
{
    /// <summary>TARGET2 business days, the days the ECB publishes reference rates: no weekends, New Year, Good Friday, Easter Monday, 1 May, 25 and 26 December.</summary>
    internal static class EcbCalendar
    {
        public static bool IsFixingDay(DateTime day)
        {
            if (day.DayOfWeek == DayOfWeek.Saturday || day.DayOfWeek == DayOfWeek.Sunday)
            {
                return false;
            }

            if ((day.Month == 1 && day.Day == 1) || (day.Month == 5 && day.Day == 1) || (day.Month == 12 && (day.Day == 25 || day.Day == 26)))
            {
                return false;
            }

            DateTime easter = EasterSunday(day.Year);
            return day != easter.AddDays(-2) && day != easter.AddDays(1);
        }

        /// <summary>The last fixing day on or before <paramref name="day"/>.</summary>
        public static DateTime LastFixingOnOrBefore(DateTime day)
        {
            while (!IsFixingDay(day))
            {
                day = day.AddDays(-1);
            }

            return day;
        }

        /// <summary>Gregorian Easter Sunday (the anonymous "Meeus/Jones/Butcher" computus).</summary>
        public static DateTime EasterSunday(int year)
        {
            int a = year % 19;
            int b = year / 100;
            int c = year % 100;
            int d = b / 4;
            int e = b % 4;
            int f = (b + 8) / 25;
            int g = (b - f + 1) / 3;
            int h = ((19 * a) + b - d - g + 15) % 30;
            int i = c / 4;
            int k = c % 4;
            int l = (32 + (2 * e) + (2 * i) - h - k) % 7;
            int m = (a + (11 * h) + (22 * l)) / 451;
            int month = (h + l - (7 * m) + 114) / 31;
            int day = ((h + l - (7 * m) + 114) % 31) + 1;
            return new DateTime(year, month, day);
        }
    }
}
