using System;
using System.Globalization;

namespace PinterestAds.Core.Http
{
    /// <summary>
    /// What this session knows of Pinterest's clock: bounds on its offset from ours, narrowed by
    /// the <c>Date</c> header of every response. Entities' <c>created_time</c> is written on
    /// Pinterest's clock, so reconciliation judges "created after this request was sent" there
    /// instead of allowing minutes of skew.
    /// </summary>
    /// <remarks>
    /// A Date header is Pinterest's time, truncated to the second, taken at some instant between
    /// our send and our receipt; so the offset lies in (Date − received, Date + 1 s − sent).
    /// Successive answers intersect their bounds; one that contradicts them (a clock stepped)
    /// starts over from itself.
    /// </remarks>
    public sealed class ServerClock
    {
        /// <summary>Allowed either way while no answer has carried a Date header yet.</summary>
        public static readonly TimeSpan UnmeasuredSkew = TimeSpan.FromMinutes(2);

        private readonly object _gate = new object();
        private TimeSpan _low;
        private TimeSpan _high;
        private bool _measured;
        private string? _lastHeader;
        private DateTimeOffset _lastDate;

        public ServerClock(TimeProvider? time = null)
        {
            Time = time ?? TimeProvider.System;
        }

        /// <summary>Our clock: instants handed to <see cref="ToServer"/> are read from it.</summary>
        public TimeProvider Time { get; }

        /// <summary>Records one answer: when it was sent and received on our clock, and its Date header.</summary>
        public void Observe(DateTimeOffset sent, DateTimeOffset received, string? dateHeader)
        {
            if (string.IsNullOrWhiteSpace(dateHeader))
            {
                return;
            }

            lock (_gate)
            {
                // The header changes once a second, and answers come many times a second: parse each value once.
                if (!string.Equals(dateHeader, _lastHeader, StringComparison.Ordinal))
                {
                    if (!DateTimeOffset.TryParseExact(dateHeader!.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _lastDate))
                    {
                        _lastHeader = null;
                        return;
                    }

                    _lastHeader = dateHeader;
                }

                var low = _lastDate - received;
                var high = _lastDate + TimeSpan.FromSeconds(1) - sent;
                if (!_measured || low > _high || high < _low)
                {
                    (_low, _high, _measured) = (low, high, true);
                }
                else
                {
                    _low = low > _low ? low : _low;
                    _high = high < _high ? high : _high;
                }
            }
        }

        /// <summary>Where <paramref name="local"/> (read from <see cref="Time"/>) falls on Pinterest's clock.</summary>
        public ServerTimeRange ToServer(DateTimeOffset local)
        {
            lock (_gate)
            {
                return _measured
                    ? new ServerTimeRange(local + _low, local + _high)
                    : new ServerTimeRange(local - UnmeasuredSkew, local + UnmeasuredSkew);
            }
        }
    }
}
