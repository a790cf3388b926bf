using System;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Ads
{
    /// <summary>Pinterest's times are Unix seconds. A DateTime without a kind is taken as local time, as PowerShell's Get-Date gives it.</summary>
    public static class UnixTime
    {
        public static long? FromDateTime(string parameter, DateTime? value)
        {
            if (value is not DateTime time)
            {
                return null;
            }

            var utc = time.Kind == DateTimeKind.Utc ? time : time.ToUniversalTime();
            long seconds = new DateTimeOffset(utc, TimeSpan.Zero).ToUnixTimeSeconds();
            if (seconds <= 0)
            {
                throw PinterestAdsException.InvalidArgument(parameter, $"{time:o} is before 1970; give a date and time such as 2025-07-01T09:00:00Z.", time);
            }

            return seconds;
        }

        public static DateTime? ToDateTime(long? seconds) => seconds is long value ? DateTimeOffset.FromUnixTimeSeconds(value).UtcDateTime : null;
    }
}
