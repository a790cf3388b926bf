using System;

namespace PinterestAds.Core.Limiting
{
    /// <summary>A budget: one per (client id, ad account id); calls not tied to an account use the app's own.</summary>
    public readonly struct LimiterBucket : IEquatable<LimiterBucket>
    {
        public LimiterBucket(string clientId, string? adAccountId)
        {
            ClientId = clientId;
            AdAccountId = adAccountId;
        }

        public string ClientId { get; }

        public string? AdAccountId { get; }

        /// <summary>Stable text form, e.g. <c>1234567:549755885175</c> or <c>1234567:app</c>.</summary>
        public string Name => ClientId + ":" + (AdAccountId ?? "app");

        public bool Equals(LimiterBucket other) => Name == other.Name;

        public override bool Equals(object? obj) => obj is LimiterBucket other && Equals(other);

        public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Name);

        public override string ToString() => Name;
    }
}
