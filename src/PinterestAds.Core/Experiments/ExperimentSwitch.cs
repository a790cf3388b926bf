using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Batching;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Session;

namespace PinterestAds.Core.Experiments
{
    /// <summary>
    /// Turns variants on and off: the runner's toggle of one variant, and the stop that keeps the
    /// winner running and pauses (or archives) the rest. Each is one PATCH of the ad groups whose
    /// status changes; the experiment is found by name first (<see cref="ExperimentCatalog"/>).
    /// </summary>
    public static class ExperimentSwitch
    {
        /// <summary>Sets the status of one variant's ad group; returns the variant as it now is.</summary>
        /// <param name="status">ACTIVE or PAUSED.</param>
        /// <param name="includeAds">Read the variant's ad too (for output): one more list request.</param>
        public static async Task<ExperimentVariant> SetVariantAsync(
            PinterestAdsContext context,
            ExperimentRef experiment,
            string variant,
            string status,
            string? idempotencyKey,
            bool includeAds,
            ICallObserver observer,
            CancellationToken cancellationToken)
        {
            var found = await ExperimentCatalog.FindAsync(context, experiment, includeAds, observer, cancellationToken).ConfigureAwait(false);
            var target = Variant(found, "Variant", variant);
            await SendAsync(context, experiment.AdAccountId, new[] { (target, status) }, idempotencyKey, observer, cancellationToken).ConfigureAwait(false);
            return target;
        }

        /// <summary>Keeps <paramref name="winner"/> ACTIVE and pauses (or archives) every other variant; returns the experiment as it now is.</summary>
        /// <param name="includeAds">Read the variants' ads too (for output): one more list request.</param>
        public static async Task<Experiment> StopAsync(
            PinterestAdsContext context,
            ExperimentRef experiment,
            string winner,
            bool archive,
            string? idempotencyKey,
            bool includeAds,
            ICallObserver observer,
            CancellationToken cancellationToken)
        {
            var found = await ExperimentCatalog.FindAsync(context, experiment, includeAds, observer, cancellationToken).ConfigureAwait(false);
            var kept = Variant(found, "Winner", winner);
            string others = archive ? "ARCHIVED" : "PAUSED";
            var changes = found.Variants.Select(v => (v, ReferenceEquals(v, kept) ? "ACTIVE" : others)).ToArray();
            await SendAsync(context, experiment.AdAccountId, changes, idempotencyKey, observer, cancellationToken).ConfigureAwait(false);
            return found;
        }

        private static ExperimentVariant Variant(Experiment experiment, string parameter, string name)
        {
            var matches = experiment.Variants.Where(v => ExperimentNames.Same(v.Variant, name)).ToArray();
            if (matches.Length == 0)
            {
                throw PinterestAdsException.InvalidArgument(
                    parameter,
                    $"experiment '{experiment.Name}' has no variant '{name}'; its variants are {string.Join(", ", experiment.Variants.Select(v => "'" + v.Variant + "'"))}.",
                    name);
            }

            if (matches.Length > 1)
            {
                throw new PinterestAdsException(
                    "experimentVariantAmbiguous",
                    FailureKind.InvalidResult,
                    $"Experiment '{experiment.Name}' has {matches.Length} ad groups for variant '{name}' ({string.Join(", ", matches.Select(v => v.AdGroupId))}), so which one to change cannot be told.",
                    "Rename or archive the extra ad groups (Set-PinAdGroup, Remove-PinAdGroup) so that each variant has one, then run the command again.")
                { Target = name };
            }

            return matches[0];
        }

        /// <summary>One PATCH for the ad groups whose status differs from what is wanted; an item Pinterest refuses fails the command.</summary>
        private static async Task SendAsync(PinterestAdsContext context, PinterestId adAccountId, IReadOnlyList<(ExperimentVariant Variant, string Status)> changes, string? idempotencyKey, ICallObserver observer, CancellationToken cancellationToken)
        {
            var due = changes.Where(c => c.Variant.Status != c.Status).ToArray();
            foreach (var (variant, status) in changes.Except(due))
            {
                observer.Verbose($"Variant '{variant.Variant}' (ad group {variant.AdGroupId}) is already {status}.");
            }

            if (due.Length == 0)
            {
                return;
            }

            var writer = new AdsBatchWriter<AdGroup>(context, AdsResources.AdGroups, WriteKind.Update, wantResults: false);
            var outcomes = new List<WriteOutcome<AdGroup>>();
            foreach (var (variant, status) in due)
            {
                var body = AdsResources.AdGroups.StatusBody(adAccountId, PinterestId.Parse(nameof(variant.AdGroupId), variant.AdGroupId), status);
                outcomes.AddRange(await writer.AddAsync(new WriteItem(adAccountId, body, variant.Variant, idempotencyKey), observer, cancellationToken).ConfigureAwait(false));
            }

            outcomes.AddRange(await writer.CompleteAsync(observer, cancellationToken).ConfigureAwait(false));
            if (outcomes.FirstOrDefault(o => o.Error != null) is { Error: PinterestAdsException error } failed)
            {
                throw new PinterestAdsException(
                    "experimentStatusFailed",
                    error.Kind,
                    $"Variant '{failed.Target}' was not changed: {error.Message}",
                    "Check the variants with Get-PinExperiment and run the command again.",
                    error)
                { Target = failed.Target, ApiCode = error.ApiCode, RequestId = error.RequestId };
            }

            foreach (var (variant, status) in due)
            {
                variant.Status = status;
            }
        }
    }
}
