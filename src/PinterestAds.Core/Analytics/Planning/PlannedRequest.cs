using System.Collections.Generic;

namespace PinterestAds.Core.Analytics.Planning
{
    /// <summary>One request of a plan: a span of days, how it is read, and the ids it covers (none at level AdAccount).</summary>
    public sealed class PlannedRequest
    {
        public PlannedRequest(PlannedSpan span, IReadOnlyList<string> ids)
        {
            Span = span.Span;
            Kind = span.Kind;
            Ids = ids;
        }

        public DateSpan Span { get; }

        public RequestKind Kind { get; }

        public IReadOnlyList<string> Ids { get; }

        public override string ToString() => $"{Kind} {Span}, {Ids.Count} id(s)";
    }
}
