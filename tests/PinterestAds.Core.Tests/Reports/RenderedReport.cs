using System.Xml;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using PinterestAds.Core.Reports;

namespace PinterestAds.Core.Tests.Reports;

/// <summary>A report written to a string and parsed twice: as a browser would (HTML5) and as XML (well-formedness).</summary>
internal sealed class RenderedReport
{
    private RenderedReport(string html)
    {
        Html = html;
        // Strict mode turns every HTML5 parse error into an exception.
        Document = new HtmlParser(new HtmlParserOptions { IsStrictMode = true }).ParseDocument(html);
        Xml = XDocument.Load(XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore }));
    }

    public string Html { get; }

    public IHtmlDocument Document { get; }

    public XDocument Xml { get; }

    public static RenderedReport Of(ReportContent content, string title = "Report")
    {
        var writer = new StringWriter();
        HtmlReport.Write(writer, content, title, new DateTimeOffset(2026, 3, 1, 9, 30, 0, TimeSpan.Zero));
        return new RenderedReport(writer.ToString());
    }

    /// <summary>The chart (svg) whose title is <paramref name="title"/>.</summary>
    public IElement Chart(string title) =>
        Document.QuerySelectorAll("svg").Single(svg => svg.QuerySelector("title")?.TextContent == title);

    public static IReadOnlyList<string> LegendLabels(IElement chart) =>
        chart.QuerySelectorAll("g.legend text.legend-label").Select(t => t.TextContent).ToList();

    /// <summary>The full names behind the legend entries (labels may be shortened).</summary>
    public static IReadOnlyList<string> LegendTitles(IElement chart) =>
        chart.QuerySelectorAll("g.legend > g > title").Select(t => t.TextContent).ToList();

    /// <summary>Hover titles of the points of a chart, e.g. "Spring, 2026-02-01: 1,234".</summary>
    public static IReadOnlyList<string> PointTitles(IElement chart) =>
        chart.QuerySelectorAll("g.series circle title").Select(t => t.TextContent).ToList();

    public IReadOnlyList<IReadOnlyList<string>> TableRows(string cssClass, string section = "tbody") =>
        Document.QuerySelectorAll($"table.{cssClass} {section} tr")
            .Select(tr => (IReadOnlyList<string>)tr.QuerySelectorAll("td").Select(td => td.TextContent).ToList())
            .ToList();
}
