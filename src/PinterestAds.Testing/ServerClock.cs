using System;
using System.Threading;

namespace PinterestAds.Testing
{
    /// <summary>
    /// Real UTC time plus an offset tests can move, so token and code expiry can be exercised
    /// without waiting and a client's clock skew measured.
    /// </summary>
    internal sealed class ServerClock
    {
        private long _offsetTicks;

        public DateTimeOffset UtcNow => DateTimeOffset.UtcNow + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

        public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
    }
}
