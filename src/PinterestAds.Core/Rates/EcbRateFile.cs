using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Xml;

namespace PinterestAds.Core.Rates
{
    /// <summary>
    /// Reads the ECB's <c>eurofxref-hist.xml</c> (gesmes:Envelope → Cube → Cube time="YYYY-MM-DD" →
    /// Cube currency="USD" rate="1.0856") with a forward-only XmlReader: the full history is
    /// megabytes, and only the rates are kept, never a document tree.
    /// </summary>
    internal static class EcbRateFile
    {
        private static readonly XmlReaderSettings Settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
        };

        /// <exception cref="FormatException">The content is not the ECB's rate file (with a short reason).</exception>
        public static EcbRates Read(Stream stream)
        {
            var rates = new Dictionary<string, List<KeyValuePair<DateTime, decimal>>>(StringComparer.Ordinal);
            DateTime? day = null;
            DateTime? newest = null;
            try
            {
                using var reader = XmlReader.Create(stream, Settings);
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Cube")
                    {
                        continue;
                    }

                    if (reader.GetAttribute("time") is string time)
                    {
                        day = DateTime.ParseExact(time, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None);
                        newest = newest is DateTime seen && seen > day.Value ? seen : day;
                    }
                    else if (reader.GetAttribute("currency") is string currency && reader.GetAttribute("rate") is string rate && day is DateTime fixing)
                    {
                        if (!rates.TryGetValue(currency, out var list))
                        {
                            rates[currency] = list = new List<KeyValuePair<DateTime, decimal>>();
                        }

                        list.Add(new KeyValuePair<DateTime, decimal>(fixing, decimal.Parse(rate, NumberStyles.Float, CultureInfo.InvariantCulture)));
                    }
                }
            }
            catch (XmlException ex)
            {
                throw new FormatException("it is not XML (" + ex.Message + ")", ex);
            }
            catch (OverflowException ex)
            {
                throw new FormatException("it holds a rate out of range", ex);
            }

            if (!rates.ContainsKey("USD"))
            {
                throw new FormatException("it holds no US dollar rates, so it is not the ECB's eurofxref-hist.xml");
            }

            return new EcbRates(rates.ToDictionary(p => p.Key, p => new RateSeries(p.Value), StringComparer.Ordinal), newest);
        }
    }
}
