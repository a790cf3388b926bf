using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Values;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Experiments.Creation
{
    /// <summary>
    /// What one variant of New-PinExperiment -Variant says: its name, the pin its ad promotes, and
    /// the ad group and ad fields it sets, each named as the New-PinAdGroup / New-PinAd parameter
    /// of the same meaning. The experiment's own -Budget, -Bid, … fill what a variant leaves out.
    /// </summary>
    public sealed class VariantSpec
    {
        /// <summary>The keys a variant may have, spelled as the parameters they stand for.</summary>
        public static readonly IReadOnlyList<string> Keys = new[]
        {
            nameof(Name), nameof(PinId), nameof(BillableEvent), nameof(Budget), nameof(BudgetType), nameof(Bid), nameof(BidStrategy),
            nameof(Targeting), nameof(OptimizationGoalMetadata), nameof(PlacementGroup), nameof(CreativeType), nameof(DestinationUrl), nameof(CallToAction),
        };

        private readonly HashSet<string> _given = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public string? Name { get; set; }

        public string? PinId { get; set; }

        public string? BillableEvent { get; set; }

        public Amount? Budget { get; set; }

        public string? BudgetType { get; set; }

        public Amount? Bid { get; set; }

        public string? BidStrategy { get; set; }

        /// <summary>A dictionary (or JSON text) of targeting_spec keys.</summary>
        public object? Targeting { get; set; }

        public object? OptimizationGoalMetadata { get; set; }

        public string? PlacementGroup { get; set; }

        public string? CreativeType { get; set; }

        public string? DestinationUrl { get; set; }

        public string? CallToAction { get; set; }

        /// <summary>
        /// Reads one element of -Variant: a dictionary (a hashtable, or a custom object as plain data)
        /// whose keys are among <see cref="Keys"/> (case ignored). Errors name -Variant and the item.
        /// </summary>
        /// <param name="position">1-based, for messages.</param>
        public static VariantSpec FromData(int position, object? item)
        {
            if (!(item is IDictionary data))
            {
                string what = item is null ? "nothing" : "a " + item.GetType().Name;
                throw Invalid(position, null, $"{what} is not a variant; give a hashtable such as @{{ Name = 'Lifestyle'; PinId = '1016239833598937' }}.", item);
            }

            var entries = data.Cast<DictionaryEntry>().Select(e => (Key: Convert.ToString(e.Key, CultureInfo.InvariantCulture)?.Trim() ?? string.Empty, e.Value)).ToArray();
            string? name = entries.Where(e => string.Equals(e.Key, nameof(Name), StringComparison.OrdinalIgnoreCase)).Select(e => e.Value as string).FirstOrDefault();
            var spec = new VariantSpec();
            foreach (var entry in entries)
            {
                string? known = Keys.FirstOrDefault(k => string.Equals(k, entry.Key, StringComparison.OrdinalIgnoreCase));
                if (known is null)
                {
                    throw Invalid(position, name, EnumValues.Unknown(entry.Key, Keys, "a variant property"), item);
                }

                if (entry.Value is null || (entry.Value is string blank && string.IsNullOrWhiteSpace(blank)))
                {
                    continue;
                }

                spec.Set(position, name, known, entry.Value);
            }

            return spec;
        }

        /// <summary>Whether this variant gave <paramref name="key"/> itself (not inherited from the experiment's parameters).</summary>
        public bool Gave(string key) => _given.Contains(key);

        /// <summary>This variant's values, with <paramref name="defaults"/> for what it leaves out.</summary>
        internal VariantSpec Over(VariantSpec defaults)
        {
            var merged = new VariantSpec
            {
                Name = Name,
                PinId = PinId,
                BillableEvent = BillableEvent ?? defaults.BillableEvent,
                Budget = Budget ?? defaults.Budget,
                BudgetType = BudgetType ?? defaults.BudgetType,
                Bid = Bid ?? defaults.Bid,
                BidStrategy = BidStrategy ?? defaults.BidStrategy,
                Targeting = Targeting ?? defaults.Targeting,
                OptimizationGoalMetadata = OptimizationGoalMetadata ?? defaults.OptimizationGoalMetadata,
                PlacementGroup = PlacementGroup ?? defaults.PlacementGroup,
                CreativeType = CreativeType ?? defaults.CreativeType,
                DestinationUrl = DestinationUrl ?? defaults.DestinationUrl,
                CallToAction = CallToAction ?? defaults.CallToAction,
            };
            merged._given.UnionWith(_given);
            return merged;
        }

        /// <summary>An error about the variant at <paramref name="position"/>: "-Variant: variant 2 ('Lifestyle'): …".</summary>
        internal static PinterestAdsException Invalid(int position, string? name, string problem, object? target) =>
            PinterestAdsException.InvalidArgument("Variant", $"variant {position}{(string.IsNullOrEmpty(name) ? string.Empty : " ('" + name + "')")}: {problem}", target);

        private void Set(int position, string? name, string key, object value)
        {
            _given.Add(key);
            switch (key)
            {
                case nameof(Budget):
                    Budget = Amount.From(value);
                    return;
                case nameof(Bid):
                    Bid = Amount.From(value);
                    return;
                case nameof(Targeting):
                    Targeting = value;
                    return;
                case nameof(OptimizationGoalMetadata):
                    OptimizationGoalMetadata = value;
                    return;
            }

            string text = value switch
            {
                string s => s,
                IConvertible c when c.GetTypeCode() >= TypeCode.SByte && c.GetTypeCode() <= TypeCode.UInt64 => c.ToString(CultureInfo.InvariantCulture),
                _ => throw Invalid(position, name, $"{key} is text, not a {value.GetType().Name}.", value),
            };
            switch (key)
            {
                case nameof(Name): Name = text; break;
                case nameof(PinId): PinId = text; break;
                case nameof(BillableEvent): BillableEvent = text; break;
                case nameof(BudgetType): BudgetType = text; break;
                case nameof(BidStrategy): BidStrategy = text; break;
                case nameof(PlacementGroup): PlacementGroup = text; break;
                case nameof(CreativeType): CreativeType = text; break;
                case nameof(DestinationUrl): DestinationUrl = text; break;
                case nameof(CallToAction): CallToAction = text; break;
                default: throw new ArgumentOutOfRangeException(nameof(key), key, "Not one of the variant keys.");
            }
        }
    }
}
