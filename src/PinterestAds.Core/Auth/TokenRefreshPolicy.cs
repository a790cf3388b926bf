using System;

namespace PinterestAds.Core.Auth
{
    /// <summary>
    /// When a token pair is renewed before anything fails: when the access token has less than
    /// <see cref="LifetimeFraction"/> of its life left or less than <see cref="MinimumMargin"/>,
    /// and when the refresh token nears its end so an idle runbook does not lose its grant.
    /// </summary>
    public sealed class TokenRefreshPolicy
    {
        public static readonly TokenRefreshPolicy Default = new TokenRefreshPolicy();

        /// <summary>Refresh when less than this share of the access token's lifetime is left (0.1 = 10 %).</summary>
        public double LifetimeFraction { get; set; } = 0.1;

        /// <summary>Refresh when less than this is left, but never more than half the token's lifetime early.</summary>
        public TimeSpan MinimumMargin { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>Refresh when the refresh token expires within this (at most half its lifetime); Pinterest's continuous refresh tokens last 60 days.</summary>
        public TimeSpan RefreshTokenRenewBefore { get; set; } = TimeSpan.FromDays(30);

        /// <summary>How early before expiry the access token of <paramref name="entry"/> is renewed.</summary>
        internal TimeSpan AccessTokenMargin(TokenEntry entry)
        {
            if (entry.AccessTokenExpiresAt is not long expires)
            {
                return TimeSpan.Zero;
            }

            var lifetime = TimeSpan.FromSeconds(Math.Max(0, expires - (entry.AccessTokenIssuedAt ?? expires)));
            var byFraction = TimeSpan.FromTicks((long)(lifetime.Ticks * LifetimeFraction));
            var byMinimum = MinimumMargin < TimeSpan.FromTicks(lifetime.Ticks / 2) ? MinimumMargin : TimeSpan.FromTicks(lifetime.Ticks / 2);
            return byFraction > byMinimum ? byFraction : byMinimum;
        }

        /// <summary>True when the pair should be refreshed now (if it can be).</summary>
        internal bool NeedsRefresh(TokenEntry entry, DateTimeOffset now)
        {
            if (string.IsNullOrEmpty(entry.AccessToken))
            {
                return true;
            }

            if (entry.AccessTokenExpiresAt is long expires && now >= DateTimeOffset.FromUnixTimeSeconds(expires) - AccessTokenMargin(entry))
            {
                return true;
            }

            if (entry.RefreshToken != null && entry.RefreshTokenExpiresAt is long rtExpires)
            {
                long rtLifetime = Math.Max(0, rtExpires - (entry.RefreshTokenIssuedAt ?? rtExpires));
                var renewBefore = TimeSpan.FromSeconds(Math.Min(RefreshTokenRenewBefore.TotalSeconds, rtLifetime / 2.0));
                if (now >= DateTimeOffset.FromUnixTimeSeconds(rtExpires) - renewBefore)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
