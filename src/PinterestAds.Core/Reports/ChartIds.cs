using System.Globalization;

namespace PinterestAds.Core.Reports
{
    /// <summary>Ids for the charts of one page, unique so each SVG can point at its title.</summary>
    internal sealed class ChartIds
    {
        private int _next;

        public string Next() => "chart-" + (++_next).ToString(CultureInfo.InvariantCulture);
    }
}
