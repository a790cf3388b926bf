using System;
using System.Collections.Generic;
using System.Linq;
using PinterestAds.Core.Experiments.Statistics;

namespace PinterestAds.Core.Reports
{
    /// <summary>The variants of one experiment judged on one metric, in the order they arrived.</summary>
    internal sealed class ExperimentVariants
    {
        private readonly List<ReportVariant> _variants = new List<ReportVariant>();

        public ExperimentVariants(string name, ExperimentMetric metric)
        {
            Name = name;
            Metric = metric;
        }

        public string Name { get; }

        public ExperimentMetric Metric { get; }

        public IReadOnlyList<ReportVariant> Variants => _variants;

        public ReportVariant? Control => _variants.Find(v => v.IsControl);

        /// <summary>Decimals for this experiment's percentages (see <see cref="NumberText.PercentDecimals"/>).</summary>
        public int PercentDecimals => NumberText.PercentDecimals(_variants.SelectMany(v => new[] { v.Rate, v.RateLow, v.RateHigh }));

        /// <summary>Adds the variant; a variant of the same name arriving again replaces the first (a newer result).</summary>
        public void Add(ReportVariant variant)
        {
            int existing = _variants.FindIndex(v => string.Equals(v.Variant, variant.Variant, StringComparison.OrdinalIgnoreCase));
            if (existing >= 0)
            {
                _variants[existing] = variant;
            }
            else
            {
                _variants.Add(variant);
            }
        }
    }
}
