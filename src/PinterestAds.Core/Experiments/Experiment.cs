using System;
using System.Collections.Generic;
using System.Linq;

namespace PinterestAds.Core.Experiments
{
    /// <summary>
    /// An experiment: variants as ad groups under one campaign, one of them the control. It is
    /// rebuilt from the ad groups' names (<see cref="ExperimentNames"/>), so it needs no local state.
    /// </summary>
    public sealed class Experiment
    {
        internal Experiment(string name, string adAccountId, string? campaignId, IReadOnlyList<ExperimentVariant> variants)
        {
            Name = name;
            AdAccountId = adAccountId;
            CampaignId = campaignId;
            Variants = variants;
        }

        public string Name { get; }

        public string AdAccountId { get; }

        public string? CampaignId { get; }

        /// <summary>The control first, then the treatments in the order they were made.</summary>
        public IReadOnlyList<ExperimentVariant> Variants { get; }

        /// <summary>The control variant's name; null when no ad group is marked as the control.</summary>
        public string? Control => Variants.FirstOrDefault(v => v.IsControl)?.Variant;

        /// <summary>The variants whose ad groups are ACTIVE: those that deliver now.</summary>
        public IReadOnlyList<string> Running => Variants.Where(v => v.Status == "ACTIVE").Select(v => v.Variant).ToArray();

        /// <summary>When its first ad group was made (UTC): the day its results start by default.</summary>
        public DateTime? CreatedTime => Variants.Select(v => v.CreatedTime).Where(t => t.HasValue).DefaultIfEmpty().Min();

        /// <summary>The variant named <paramref name="variant"/> (case ignored); null when there is none.</summary>
        public ExperimentVariant? Find(string variant) => Variants.FirstOrDefault(v => ExperimentNames.Same(v.Variant, variant));

        public override string ToString() => $"{Name} ({Variants.Count} variants)";
    }
}
