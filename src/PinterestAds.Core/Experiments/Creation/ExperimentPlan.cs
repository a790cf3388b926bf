using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Inputs;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Experiments.Creation
{
    /// <summary>
    /// A New-PinExperiment checked in full before anything is sent: 2 to 30 variants with distinct
    /// names, a control among them, ids that are ids, names that fit an ad group's once marked, and
    /// every ad group and ad item built (so a bad budget or call to action is refused up front).
    /// </summary>
    public sealed class ExperimentPlan
    {
        /// <summary>All ad groups go out in one request, which holds at most 30 items.</summary>
        public const int MaxVariants = 30;

        /// <summary>Ads promote a pin as a regular ad unless a variant says otherwise.</summary>
        public const string DefaultCreativeType = "REGULAR";

        // The ad items are built before their ad groups exist; the real id replaces this one.
        private static readonly PinterestId PendingAdGroup = PinterestId.Parse("AdGroupId", "0");

        private ExperimentPlan(PinterestId adAccountId, PinterestId campaignId, string name, IReadOnlyList<PlannedVariant> variants, ExperimentKeys keys)
        {
            AdAccountId = adAccountId;
            CampaignId = campaignId;
            Name = name;
            Variants = variants;
            Keys = keys;
        }

        public PinterestId AdAccountId { get; }

        public PinterestId CampaignId { get; }

        public string Name { get; }

        /// <summary>In the order given; the control is ACTIVE, the treatments PAUSED.</summary>
        public IReadOnlyList<PlannedVariant> Variants { get; }

        public ExperimentKeys Keys { get; }

        /// <summary>Checks <paramref name="input"/> and builds every item; an error names the parameter (and the variant) at fault.</summary>
        public static ExperimentPlan Build(NewExperimentInput input)
        {
            var adAccountId = PinterestId.Parse(nameof(input.AdAccountId), input.AdAccountId);
            var campaignId = PinterestId.Parse(nameof(input.CampaignId), input.CampaignId);
            string name = ExperimentNames.CheckExperiment(nameof(input.Name), input.Name);
            var variants = input.Variant;
            if (variants.Count < 2)
            {
                throw PinterestAdsException.InvalidArgument(nameof(input.Variant), $"an experiment needs at least two variants (a control and a treatment to compare with it); {Count(variants.Count)} given.");
            }

            if (variants.Count > MaxVariants)
            {
                throw PinterestAdsException.InvalidArgument(nameof(input.Variant), $"an experiment has at most {MaxVariants} variants, because all its ad groups are made in one request; {variants.Count} given.");
            }

            string[] names = variants.Select((v, i) => CheckVariantName(i + 1, v)).ToArray();
            var repeated = names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (repeated != null)
            {
                throw PinterestAdsException.InvalidArgument(nameof(input.Variant), $"two variants are named '{repeated.Key}' (names are compared ignoring case); each variant needs a name of its own.", repeated.Key);
            }

            int control = ControlIndex(nameof(input.Control), input.Control, names);
            CheckLengths(nameof(input.Name), name, names);
            var keys = ExperimentKeys.From(nameof(input.IdempotencyKey), input.IdempotencyKey);
            var planned = variants
                .Select((v, i) => Plan(adAccountId, campaignId, name, i + 1, v.Over(input.Defaults), i == control))
                .ToArray();
            return new ExperimentPlan(adAccountId, campaignId, name, planned, keys);
        }

        private static string Count(int n) => n == 0 ? "none was" : n == 1 ? "one was" : n + " were";

        private static string CheckVariantName(int position, VariantSpec variant)
        {
            if (variant.Name is null)
            {
                throw VariantSpec.Invalid(position, null, "has no Name; every variant needs one, e.g. @{ Name = 'Lifestyle'; PinId = '1016239833598937' }.", null);
            }

            try
            {
                return ExperimentNames.CheckVariant("Name", variant.Name);
            }
            catch (PinterestAdsException ex) when (ex.Rule != null)
            {
                throw VariantSpec.Invalid(position, null, "Name: " + ex.Rule, variant.Name);
            }
        }

        private static int ControlIndex(string parameter, string? control, string[] names)
        {
            if (control is null)
            {
                return 0;
            }

            int index = Array.FindIndex(names, n => ExperimentNames.Same(n, control));
            if (index < 0)
            {
                throw PinterestAdsException.InvalidArgument(parameter, $"'{control}' is not one of the variants ({string.Join(", ", names.Select(n => "'" + n + "'"))}); the control must be one of them.", control);
            }

            return index;
        }

        /// <summary>Every marked ad group name must fit Pinterest's limit; the error names whichever name is to blame.</summary>
        private static void CheckLengths(string nameParameter, string name, string[] variants)
        {
            int room = ExperimentNames.MaxAdGroupNameLength - ExperimentNames.Overhead;
            if (name.Length + variants.Min(v => v.Length) > room)
            {
                throw PinterestAdsException.InvalidArgument(
                    nameParameter,
                    $"is {name.Length} characters long; an ad group's name holds at most {ExperimentNames.MaxAdGroupNameLength}, of which the marks take {ExperimentNames.Overhead} and the variant's name the rest, so the experiment's name may have at most {room - variants.Min(v => v.Length)} characters with these variants.",
                    name);
            }

            int position = Array.FindIndex(variants, v => name.Length + v.Length > room);
            if (position >= 0)
            {
                throw VariantSpec.Invalid(
                    position + 1,
                    variants[position],
                    $"its Name is {variants[position].Length} characters long; with the experiment's name ({name.Length}) and the marks ({ExperimentNames.Overhead}) the ad group's name would exceed Pinterest's {ExperimentNames.MaxAdGroupNameLength}, so it may have at most {room - name.Length}.",
                    variants[position]);
            }
        }

        private static PlannedVariant Plan(PinterestId adAccountId, PinterestId campaignId, string experiment, int position, VariantSpec spec, bool isControl)
        {
            string adGroupName = ExperimentNames.Format(experiment, spec.Name!, isControl);
            try
            {
                if (spec.PinId is null)
                {
                    throw VariantSpec.Invalid(position, spec.Name, "has no PinId: the pin its ad promotes.", null);
                }

                var adGroup = AdGroupRequests.Create(adAccountId, campaignId, new AdGroupInput
                {
                    Name = adGroupName,
                    Status = isControl ? "ACTIVE" : "PAUSED",
                    BillableEvent = spec.BillableEvent,
                    Budget = spec.Budget,
                    BudgetType = spec.BudgetType,
                    Bid = spec.Bid,
                    BidStrategy = spec.BidStrategy,
                    Targeting = spec.Targeting,
                    OptimizationGoalMetadata = spec.OptimizationGoalMetadata,
                    PlacementGroup = spec.PlacementGroup,
                });
                var ad = AdRequests.Create(adAccountId, PendingAdGroup, PinterestId.Parse(nameof(spec.PinId), spec.PinId), new AdInput
                {
                    CreativeType = spec.CreativeType ?? DefaultCreativeType,
                    Name = adGroupName,
                    DestinationUrl = spec.DestinationUrl,
                    CallToAction = spec.CallToAction,
                });
                return new PlannedVariant(position, spec.Name!, isControl, adGroupName, spec.PinId, adGroup, ad);
            }
            catch (PinterestAdsException ex) when (ex.Parameter is string parameter && (spec.Gave(parameter) || parameter == nameof(spec.PinId)))
            {
                // The value came from this variant, not from the experiment's parameter of that name.
                throw VariantSpec.Invalid(position, spec.Name, parameter + ": " + ex.Rule, ex.Target);
            }
        }
    }

    /// <summary>One variant of a plan: its names and the ad group and ad items to send.</summary>
    public sealed class PlannedVariant
    {
        private readonly JsonObject _ad;

        internal PlannedVariant(int position, string variant, bool isControl, string adGroupName, string pinId, JsonObject adGroup, JsonObject ad)
        {
            Position = position;
            Variant = variant;
            IsControl = isControl;
            AdGroupName = adGroupName;
            PinId = pinId;
            AdGroup = adGroup;
            _ad = ad;
        }

        /// <summary>1-based, as given.</summary>
        public int Position { get; }

        public string Variant { get; }

        public bool IsControl { get; }

        public string AdGroupName { get; }

        public string PinId { get; }

        /// <summary>The create item of the variant's ad group.</summary>
        public JsonObject AdGroup { get; }

        /// <summary>The create item of the variant's ad, in the ad group <paramref name="adGroupId"/>.</summary>
        public JsonObject Ad(string adGroupId)
        {
            var item = (JsonObject)_ad.DeepClone();
            item["ad_group_id"] = adGroupId;
            return item;
        }
    }
}
