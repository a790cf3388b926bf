using System.Globalization;

namespace PinterestAds.Core.Reports
{
    /// <summary>
    /// Opens the charts of one page: an svg in a <see cref="Width"/>-wide viewBox (the page scales it),
    /// with a unique id its accessible title hangs on and the title shown at the top left.
    /// </summary>
    internal sealed class ChartFrames
    {
        public const double Width = 720;

        private int _next;

        /// <summary>Starts the svg; the caller draws into it and closes it.</summary>
        public void Open(Markup m, string title, double height)
        {
            string id = "chart-" + (++_next).ToString(CultureInfo.InvariantCulture);
            m.Open("svg", "chart").Attr("viewBox", "0 0 " + NumberText.Coordinate(Width) + " " + NumberText.Coordinate(height))
                .Attr("width", Width).Attr("height", height).Attr("role", "img").Attr("aria-labelledby", id + "-title");
            m.Open("title").Attr("id", id + "-title").Text(title).Close();
            m.Open("text", "chart-title").Attr("x", 16).Attr("y", 26).Text(title).Close();
        }
    }
}
