using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;

namespace PinterestAds.Testing.Rates
{
    /// <summary>
    /// Deterministic euro reference rates in the ECB's <c>eurofxref-hist.xml</c> shape
    /// (gesmes:Envelope → Cube → Cube time → Cube currency/rate, newest first, fixing days only).
    /// Each currency drifts smoothly around a realistic level, so crossings through USD give
    /// plausible, different numbers every day.
    /// </summary>
    internal sealed class EcbRates
    {
        /// <summary>Units of each currency per euro, roughly today's levels (ARS, CLP and COP are not published by the ECB).</summary>
        private static readonly (string Currency, decimal Level)[] Levels =
        {
            ("USD", 1.08m), ("JPY", 160m), ("BGN", 1.9558m), ("CZK", 25.2m), ("DKK", 7.46m), ("GBP", 0.85m), ("HUF", 395m),
            ("PLN", 4.3m), ("RON", 4.97m), ("SEK", 11.3m), ("CHF", 0.95m), ("ISK", 150m), ("NOK", 11.6m), ("TRY", 35m),
            ("AUD", 1.65m), ("BRL", 5.9m), ("CAD", 1.48m), ("CNY", 7.8m), ("HKD", 8.4m), ("IDR", 17500m), ("ILS", 4.0m),
            ("INR", 90m), ("KRW", 1450m), ("MXN", 19.5m), ("MYR", 5.0m), ("NZD", 1.8m), ("PHP", 62m), ("SGD", 1.45m),
            ("THB", 38m), ("ZAR", 20m),
        };

        private int _fetches;

        /// <summary>How many days back the file reaches (default 1000: past the 914 days async reports cover).</summary>
        public int HistoryDays { get; set; } = 1000;

        public int FetchCount => System.Threading.Volatile.Read(ref _fetches);

        public static bool Publishes(string currency) => Array.Exists(Levels, l => l.Currency == currency);

        /// <summary>Units of <paramref name="currency"/> per euro fixed on <paramref name="day"/>; null on a day without a fixing or for a currency the ECB does not publish.</summary>
        public static decimal? Rate(string currency, DateTime day)
        {
            if (!EcbCalendar.IsFixingDay(day))
            {
                return null;
            }

            foreach (var (code, level) in Levels)
            {
                if (code == currency)
                {
                    double phase = code[0] + code[1] + code[2];
                    double drift = 0.03 * Math.Sin((day.Subtract(new DateTime(2000, 1, 1)).TotalDays / 58.0) + phase) + 0.004 * Math.Sin(day.DayOfYear * 1.7 + phase);
                    decimal rate = level * (1m + (decimal)drift);
                    return Math.Round(rate, rate < 100m ? 4 : 2, MidpointRounding.AwayFromZero);
                }
            }

            return null;
        }

        /// <summary>The file as the ECB serves it, from the last fixing before <paramref name="today"/> back <see cref="HistoryDays"/> days; counts the fetch.</summary>
        public byte[] HistoryXml(DateTime today)
        {
            System.Threading.Interlocked.Increment(ref _fetches);
            const string Gesmes = "http://www.gesmes.org/xml/2002-08-01";
            var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
            using (var output = new MemoryStream())
            {
                using (var writer = XmlWriter.Create(output, settings))
                {
                    writer.WriteStartDocument();
                    writer.WriteStartElement("gesmes", "Envelope", Gesmes);
                    writer.WriteAttributeString("xmlns", null, null, "http://www.ecb.int/vocabulary/2002-08-01/eurofxref");
                    writer.WriteElementString("gesmes", "subject", Gesmes, "Reference rates");
                    writer.WriteStartElement("gesmes", "Sender", Gesmes);
                    writer.WriteElementString("gesmes", "name", Gesmes, "European Central Bank");
                    writer.WriteEndElement();
                    writer.WriteStartElement("Cube", "http://www.ecb.int/vocabulary/2002-08-01/eurofxref");
                    for (DateTime day = today.AddDays(-1); day >= today.AddDays(-HistoryDays); day = day.AddDays(-1))
                    {
                        if (!EcbCalendar.IsFixingDay(day))
                        {
                            continue;
                        }

                        writer.WriteStartElement("Cube");
                        writer.WriteAttributeString("time", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                        foreach (var (currency, _) in Levels)
                        {
                            writer.WriteStartElement("Cube");
                            writer.WriteAttributeString("currency", currency);
                            writer.WriteAttributeString("rate", Rate(currency, day)!.Value.ToString(CultureInfo.InvariantCulture));
                            writer.WriteEndElement();
                        }

                        writer.WriteEndElement();
                    }

                    writer.WriteEndElement();
                    writer.WriteEndElement();
                }

                return output.ToArray();
            }
        }
    }
}
