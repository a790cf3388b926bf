namespace PinterestAds.Core.Experiments.Statistics
{
    /// <summary>A closed interval [<see cref="Low"/>, <see cref="High"/>], e.g. a confidence interval of a rate.</summary>
    public readonly struct Interval
    {
        public Interval(double low, double high)
        {
            Low = low;
            High = high;
        }

        public double Low { get; }

        public double High { get; }

        public override string ToString() => $"[{Low:R}, {High:R}]";
    }
}
