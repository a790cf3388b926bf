using System;
using System.Globalization;

namespace PinterestAds.Core.Analytics.Planning
{
    /// <summary>An inclusive range of UTC calendar days.</summary>
    public readonly struct DateSpan : IEquatable<DateSpan>
    {
        public DateSpan(DateTime start, DateTime end)
        {
            Start = start.Date;
            End = end.Date;
        }

        public DateTime Start { get; }

        public DateTime End { get; }

        /// <summary>Calendar days covered, both ends included.</summary>
        public int Days => (int)(End - Start).TotalDays + 1;

        public static string Format(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        public bool Equals(DateSpan other) => Start == other.Start && End == other.End;

        public override bool Equals(object? obj) => obj is DateSpan other && Equals(other);

        public override int GetHashCode() => Start.GetHashCode() ^ (End.GetHashCode() * 31);

        public override string ToString() => Start == End ? Format(Start) : Format(Start) + " to " + Format(End);
    }
}
