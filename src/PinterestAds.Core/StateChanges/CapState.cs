using System;

namespace PinterestAds.Core.StateChanges
{
    /// <summary>What a job remembers of a campaign's spend caps between looks.</summary>
    public sealed class CapState
    {
        /// <summary>The last UTC day its daily cap was reported reached: reported once a day.</summary>
        public DateTime? DailyReachedOn { get; set; }

        /// <summary>True once its lifetime cap was reported reached; false again when spend falls below a raised cap.</summary>
        public bool LifetimeReached { get; set; }

        /// <summary>The last day whose spend is counted in <see cref="SettledSpend"/>; later days are read anew each look.</summary>
        public DateTime? SettledThrough { get; set; }

        /// <summary>Spend up to <see cref="SettledThrough"/>, in the account's currency.</summary>
        public decimal SettledSpend { get; set; }
    }
}
