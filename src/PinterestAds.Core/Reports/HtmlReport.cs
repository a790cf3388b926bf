using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace PinterestAds.Core.Reports
{
    /// <summary>
    /// Writes a <see cref="ReportContent"/> as one self-contained HTML page: inline CSS and inline SVG
    /// only, no script, nothing loaded from anywhere (a Content-Security-Policy says so to the browser
    /// too), so it opens offline and can be mailed as it is. Output is streamed to the writer.
    /// </summary>
    public static class HtmlReport
    {
        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        /// <summary>Writes the page. <paramref name="generatedAt"/> is shown in the header (in UTC).</summary>
        public static void Write(TextWriter writer, ReportContent content, string title, DateTimeOffset generatedAt)
        {
            if (writer is null)
            {
                throw new ArgumentNullException(nameof(writer));
            }

            if (content is null)
            {
                throw new ArgumentNullException(nameof(content));
            }

            using (var m = new Markup(writer))
            {
                m.DocType();
                m.Open("html").Attr("lang", "en");
                WriteHead(m, title);
                m.Open("body").Open("main");
                m.Element("h1", title);
                m.Element("p", Summary(content, generatedAt), "meta");
                var charts = new ChartFrames();
                if (content.Entities.Count > 0)
                {
                    AnalyticsSection.Write(m, content.Entities, charts);
                }

                if (content.Experiments.Count > 0)
                {
                    ExperimentSection.Write(m, content.Experiments, charts);
                }

                if (content.IsEmpty)
                {
                    m.Element("p", "Nothing to report: no analytics rows or experiment results were given.", "note");
                }

                m.Open("footer").Text("Written by the PinterestAds PowerShell module. This page is self-contained: it runs no script and loads nothing from elsewhere.").Close();
                m.Close().Close().Close();
            }

            writer.Flush();
        }

        private static void WriteHead(Markup m, string title)
        {
            m.Open("head");
            m.Open("meta").Attr("charset", "utf-8").CloseEmpty();
            m.Open("meta").Attr("name", "viewport").Attr("content", "width=device-width, initial-scale=1").CloseEmpty();
            // Even if a value slipped past escaping, the browser would run no script and fetch nothing.
            m.Open("meta").Attr("http-equiv", "Content-Security-Policy").Attr("content", "default-src 'none'; style-src 'unsafe-inline'").CloseEmpty();
            m.Element("title", title);
            m.Element("style", ReportStyle.Css);
            m.Close();
        }

        private static string Summary(ReportContent content, DateTimeOffset generatedAt)
        {
            var parts = new List<string> { "Generated " + generatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", Invariant) + " UTC" };
            if (content.Entities.Count > 0)
            {
                parts.Add(content.Entities.Count.ToString("N0", Invariant) + (content.Entities.Count == 1 ? " entity" : " entities"));
            }

            if (content.Experiments.Count > 0)
            {
                parts.Add(content.Experiments.Count.ToString("N0", Invariant) + (content.Experiments.Count == 1 ? " experiment" : " experiments"));
            }

            return string.Join(" · ", parts);
        }
    }
}
