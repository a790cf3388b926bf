using System;

namespace PinterestAds.Core.Experiments
{
    /// <summary>
    /// One variant of an experiment: an ad group under the experiment's campaign, with the ad that
    /// promotes the variant's pin. Its properties bind by name to Set-PinExperimentVariant
    /// (AdAccountId, Experiment, Variant).
    /// </summary>
    public sealed class ExperimentVariant
    {
        public string Experiment { get; internal set; } = string.Empty;

        public string Variant { get; internal set; } = string.Empty;

        public bool IsControl { get; internal set; }

        /// <summary>The ad group's status: ACTIVE while the variant runs, PAUSED, or ARCHIVED.</summary>
        public string? Status { get; internal set; }

        public string AdAccountId { get; internal set; } = string.Empty;

        public string? CampaignId { get; internal set; }

        public string AdGroupId { get; internal set; } = string.Empty;

        /// <summary>The ad group's name, which carries the experiment and the variant.</summary>
        public string AdGroupName { get; internal set; } = string.Empty;

        /// <summary>The variant's ad; null when it has none (yet).</summary>
        public string? AdId { get; internal set; }

        /// <summary>The pin the variant's ad promotes.</summary>
        public string? PinId { get; internal set; }

        /// <summary>Pinterest's review of the ad: PENDING, APPROVED, REJECTED or OTHER.</summary>
        public string? ReviewStatus { get; internal set; }

        /// <summary>When the ad group was created (UTC).</summary>
        public DateTime? CreatedTime { get; internal set; }

        public override string ToString() => IsControl ? Variant + " (control)" : Variant;
    }
}
