using System.Globalization;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Idempotency;

namespace PinterestAds.Core.Experiments.Creation
{
    /// <summary>
    /// The Idempotency-Keys of one New-PinExperiment: one per ad group and one per ad, derived from
    /// the caller's -IdempotencyKey (or, without one, from a key made for this run), so that a re-run
    /// with the same key and input sends the same two batches and the journal gives back what the
    /// first run already made instead of making it twice.
    /// </summary>
    public sealed class ExperimentKeys
    {
        private const string AdGroupPart = ":ad-group:";
        private const string AdPart = ":ad:";

        /// <summary>The longest key the caller may give: room is left for the longest suffix ("…:ad-group:30").</summary>
        public static readonly int MaxBaseLength = IdempotencyKeys.MaxLength - AdGroupPart.Length - ExperimentPlan.MaxVariants.ToString(CultureInfo.InvariantCulture).Length;

        private ExperimentKeys(string baseKey, bool generated)
        {
            Base = baseKey;
            Generated = generated;
        }

        /// <summary>The key the others derive from.</summary>
        public string Base { get; }

        /// <summary>Whether the caller gave no key and this one was made for the run.</summary>
        public bool Generated { get; }

        /// <param name="parameter">The parameter an error names: IdempotencyKey.</param>
        public static ExperimentKeys From(string parameter, string? callerKey)
        {
            if (callerKey is null)
            {
                return new ExperimentKeys("experiment-" + IdempotencyKeys.New(), generated: true);
            }

            IdempotencyKeys.Validate(callerKey, parameter);
            if (callerKey.Length > MaxBaseLength)
            {
                throw PinterestAdsException.InvalidArgument(
                    parameter,
                    $"New-PinExperiment derives a key for each ad group and ad from it, so it has at most {MaxBaseLength} characters; this one has {callerKey.Length}.",
                    callerKey);
            }

            return new ExperimentKeys(callerKey, generated: false);
        }

        /// <param name="position">1-based position of the variant.</param>
        public string AdGroup(int position) => Base + AdGroupPart + position.ToString(CultureInfo.InvariantCulture);

        /// <param name="position">1-based position of the variant.</param>
        public string Ad(int position) => Base + AdPart + position.ToString(CultureInfo.InvariantCulture);
    }
}
