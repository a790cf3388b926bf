namespace PinterestAds.Core.Analytics.Planning
{
    /// <summary>A span of days and how it is read.</summary>
    public readonly struct PlannedSpan
    {
        public PlannedSpan(DateSpan span, RequestKind kind)
        {
            Span = span;
            Kind = kind;
        }

        public DateSpan Span { get; }

        public RequestKind Kind { get; }

        public override string ToString() => Kind + " " + Span;
    }
}
