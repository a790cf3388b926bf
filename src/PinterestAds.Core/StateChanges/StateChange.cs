using System;
using System.Collections.Generic;
using PinterestAds.Core.Ads;

namespace PinterestAds.Core.StateChanges
{
    /// <summary>One change of a campaign, ad group or ad since the job's last look.</summary>
    public sealed class StateChange
    {
        public string AdAccountId { get; set; } = string.Empty;

        /// <summary>Campaign, AdGroup or Ad.</summary>
        public AdsKind Kind { get; set; }

        public string Id { get; set; } = string.Empty;

        public string? Name { get; set; }

        public ChangeKind Change { get; set; }

        /// <summary>What it was: the old status or review status; for a cap, the cap ("25.50 USD").</summary>
        public string? Before { get; set; }

        /// <summary>What it is: the new status or review status; for a cap, the spend that reached it.</summary>
        public string? After { get; set; }

        /// <summary>Pinterest's rejection reasons (LANDING_PAGE, …) for AdRejected; empty otherwise.</summary>
        public IReadOnlyList<string> Reasons { get; set; } = Array.Empty<string>();

        /// <summary>When the change was seen (UTC): it happened since the job's previous look.</summary>
        public DateTimeOffset DetectedAt { get; set; }

        /// <summary>One sentence for an alert: "Ad 'Spring pin' (687195134316) was rejected: LANDING_PAGE."</summary>
        public string Message { get; set; } = string.Empty;

        public override string ToString() => Message;
    }
}
