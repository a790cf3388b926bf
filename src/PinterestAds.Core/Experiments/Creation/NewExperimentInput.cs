using System.Collections.Generic;

namespace PinterestAds.Core.Experiments.Creation
{
    /// <summary>
    /// What New-PinExperiment was given, each property named as its parameter (errors name them
    /// with <c>nameof</c>); checked and turned into requests by <see cref="ExperimentPlan"/>.
    /// </summary>
    public sealed class NewExperimentInput
    {
        public string? AdAccountId { get; set; }

        public string? CampaignId { get; set; }

        public string? Name { get; set; }

        /// <summary>The variants, as <see cref="VariantSpec.FromData"/> read them.</summary>
        public IReadOnlyList<VariantSpec> Variant { get; set; } = new VariantSpec[0];

        /// <summary>The control variant's name; the first variant when null.</summary>
        public string? Control { get; set; }

        /// <summary>Values for every variant that does not set its own (the experiment's -Budget, -Bid, …).</summary>
        public VariantSpec Defaults { get; set; } = new VariantSpec();

        /// <summary>The caller's key; the per-item keys derive from it (<see cref="ExperimentKeys"/>).</summary>
        public string? IdempotencyKey { get; set; }
    }
}
