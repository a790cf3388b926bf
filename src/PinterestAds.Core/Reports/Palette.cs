using PinterestAds.Core.Experiments.Statistics;

namespace PinterestAds.Core.Reports
{
    /// <summary>
    /// Colours from Okabe and Ito's palette ("Color Universal Design", 2008), which stays
    /// distinguishable with the common forms of colour blindness; its yellow is left out because it
    /// vanishes on white. "Others" is grey and dashed so it never reads as one more entity.
    /// </summary>
    internal static class Palette
    {
        private static readonly string[] Series = { "#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#000000" };

        public const string Others = "#8C8C8C";

        /// <summary>The most series a chart draws in their own colour; one more is "others".</summary>
        public static int Count => Series.Length;

        public static string Of(int index) => Series[index % Series.Length];

        public static string Of(ExperimentVerdict verdict) => verdict switch
        {
            ExperimentVerdict.Control => "#000000",
            ExperimentVerdict.Better => "#009E73",
            ExperimentVerdict.Worse => "#D55E00",
            ExperimentVerdict.Inconclusive => "#0072B2",
            _ => "#8C8C8C",
        };
    }
}
