using System;

namespace PinterestAds.Core.Http
{
    /// <summary>An instant on Pinterest's clock, known only within bounds: it lies between <see cref="Earliest"/> and <see cref="Latest"/>.</summary>
    public readonly struct ServerTimeRange
    {
        public ServerTimeRange(DateTimeOffset earliest, DateTimeOffset latest)
        {
            Earliest = earliest;
            Latest = latest < earliest ? earliest : latest;
        }

        public DateTimeOffset Earliest { get; }

        public DateTimeOffset Latest { get; }

        public override string ToString() => Limiting.Durations.Instant(Earliest) + (Latest - Earliest >= TimeSpan.FromSeconds(1) ? " to " + Limiting.Durations.Instant(Latest) : string.Empty);
    }
}
