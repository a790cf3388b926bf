using System;

namespace PinterestAds.Core.Limiting
{
    /// <summary>One budget as <c>Get-PinRateLimit</c> shows it; reading it spends nothing.</summary>
    public sealed class RateLimitStatus
    {
        public RateLimitStatus(LimiterBucket bucket, int budget, TimeSpan window, PermitDecision decision, string store, DateTimeOffset asOf)
        {
            ClientId = bucket.ClientId;
            AdAccountId = bucket.AdAccountId;
            Bucket = bucket.AdAccountId is null ? "app" : bucket.AdAccountId;
            Budget = budget;
            Window = window;
            Used = decision.Used;
            Remaining = decision.Remaining;
            NextPermitAt = asOf + decision.RetryAfter;
            PausedUntil = decision.PausedFor > TimeSpan.Zero ? asOf + decision.PausedFor : (DateTimeOffset?)null;
            Store = store;
            AsOf = asOf;
        }

        /// <summary>The ad account whose budget this is, or <c>app</c> for calls not tied to one.</summary>
        public string Bucket { get; }

        public string ClientId { get; }

        /// <summary>Null for the app's own bucket.</summary>
        public string? AdAccountId { get; }

        /// <summary>Requests allowed per rolling <see cref="Window"/>.</summary>
        public int Budget { get; }

        /// <summary>Requests made in the last <see cref="Window"/>.</summary>
        public int Used { get; }

        public int Remaining { get; }

        public TimeSpan Window { get; }

        /// <summary>When a permit is free: <see cref="AsOf"/> when some remain, else when the oldest use leaves the window.</summary>
        public DateTimeOffset NextPermitAt { get; }

        /// <summary>
        /// Null unless Pinterest answered 429 for this bucket (to any worker sharing the budget) and
        /// asked to wait: until then no worker sends a request from it.
        /// </summary>
        public DateTimeOffset? PausedUntil { get; }

        /// <summary>Where the budget is kept: <c>Redis host:port</c> or <c>Local</c> (this machine).</summary>
        public string Store { get; }

        public DateTimeOffset AsOf { get; }
    }
}
