using System;
using System.Collections.Generic;
using System.Linq;
using PinterestAds.Core.Experiments.Statistics;

namespace PinterestAds.Core.Reports
{
    /// <summary>
    /// What goes into a report, gathered one row at a time (a cmdlet adds each piped object in
    /// ProcessRecord and writes the report at the end). Rows are summed per entity and date as they
    /// arrive, so memory grows with entities × dates, not with the rows piped.
    /// </summary>
    public sealed class ReportContent
    {
        private readonly Dictionary<string, EntityHistory> _entities = new Dictionary<string, EntityHistory>(StringComparer.OrdinalIgnoreCase);
        private readonly List<ExperimentVariants> _experiments = new List<ExperimentVariants>();

        public void Add(ReportRow row)
        {
            if (row is null)
            {
                throw new ArgumentNullException(nameof(row));
            }

            string key = row.Level + "\n" + row.EntityId;
            if (!_entities.TryGetValue(key, out EntityHistory? entity))
            {
                entity = new EntityHistory(row.Level, row.EntityId);
                _entities.Add(key, entity);
            }

            entity.Add(row);
        }

        public void Add(ReportVariant variant)
        {
            if (variant is null)
            {
                throw new ArgumentNullException(nameof(variant));
            }

            ExperimentVariants? experiment = _experiments.FirstOrDefault(e => string.Equals(e.Name, variant.Experiment, StringComparison.Ordinal) && e.Metric == variant.Metric);
            if (experiment is null)
            {
                experiment = new ExperimentVariants(variant.Experiment, variant.Metric);
                _experiments.Add(experiment);
            }

            experiment.Add(variant);
        }

        public void Add(VariantResult result) => Add(ReportVariant.From(result ?? throw new ArgumentNullException(nameof(result))));

        public bool IsEmpty => _entities.Count == 0 && _experiments.Count == 0;

        internal IReadOnlyCollection<EntityHistory> Entities => _entities.Values;

        /// <summary>Experiments in the order they first appeared.</summary>
        internal IReadOnlyList<ExperimentVariants> Experiments => _experiments;
    }
}
