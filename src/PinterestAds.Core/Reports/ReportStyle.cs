namespace PinterestAds.Core.Reports
{
    /// <summary>
    /// The report's only style sheet, inlined in its head: system fonts (nothing to download),
    /// light neutral chrome so the data colours carry the meaning. No '&gt;' or '&amp;' in it,
    /// because the markup writer escapes text.
    /// </summary>
    internal static class ReportStyle
    {
        public const string Css =
            ":root{color-scheme:light}" +
            "body{margin:0;background:#f6f7f9;color:#1f2328;font:14px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,sans-serif}" +
            "main{max-width:1040px;margin:0 auto;padding:24px 24px 40px}" +
            "h1{font-size:24px;margin:0 0 4px}" +
            "h2{font-size:19px;margin:36px 0 12px;padding-bottom:4px;border-bottom:1px solid #d0d7de}" +
            "h3{font-size:16px;margin:24px 0 8px}" +
            ".meta,.note{color:#57606a;margin:0 0 16px}" +
            "figure{margin:0 0 20px;padding:12px;background:#fff;border:1px solid #d0d7de;border-radius:8px}" +
            "svg.chart{display:block;width:100%;max-width:720px;height:auto;margin:0 auto}" +
            "svg.chart{fill:#1f2328}svg text{font-family:inherit}" +
            ".chart-title{font-size:15px;font-weight:600}" +
            ".tick,.caption{font-size:11px;fill:#57606a}" +
            ".legend-label,.row-label,.verdict{font-size:12px}" +
            ".legend-label,.row-label{fill:#1f2328}" +
            ".row-label.control,.verdict{font-weight:600}" +
            ".grid{stroke:#eaeef2}" +
            ".baseline,.tick-mark{stroke:#8c959f}" +
            ".stripe{fill:#f6f8fa}" +
            "table{width:100%;border-collapse:collapse;background:#fff;border:1px solid #d0d7de;margin:0 0 20px}" +
            "caption{text-align:left;font-weight:600;padding:0 0 6px}" +
            "th,td{padding:6px 10px;border-bottom:1px solid #eaeef2;text-align:left;vertical-align:top}" +
            "th{background:#f6f8fa;font-weight:600}" +
            ".num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}" +
            "tbody tr:nth-child(even){background:#fafbfc}" +
            "tfoot td{font-weight:600;border-top:2px solid #d0d7de}" +
            ".id{display:block;color:#57606a;font-size:12px}" +
            ".verdict-Better{color:#00704f}.verdict-Worse{color:#b34700}.verdict-Inconclusive{color:#005a8c}.verdict-InsufficientData{color:#57606a}" +
            "footer{color:#57606a;font-size:12px;margin-top:32px}";
    }
}
