using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Batching;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Idempotency;
using PinterestAds.Core.Session;

namespace PinterestAds.Core.Experiments.Creation
{
    /// <summary>
    /// Makes an experiment: every variant's ad group in one batched POST, then every ad in one more,
    /// both through the write path (keys, journal, reconciliation of lost answers). A run that died
    /// between the two is completed by a re-run with the same -IdempotencyKey: the journal gives the
    /// ad groups back and only the ads are sent. An experiment Pinterest refuses part of is not left
    /// half made: what was made is archived and renamed out of the experiment.
    /// </summary>
    public static class ExperimentCreator
    {
        /// <summary>What an abandoned ad group's name starts with: it no longer reads as part of an experiment.</summary>
        public const string AbandonedPrefix = "Abandoned ";

        public static async Task<Experiment> CreateAsync(PinterestAdsContext context, ExperimentPlan plan, ICallObserver observer, CancellationToken cancellationToken)
        {
            var groupItems = plan.Variants
                .Select(v => new WriteItem(plan.AdAccountId, v.AdGroup, v.Variant, plan.Keys.AdGroup(v.Position)))
                .ToArray();
            await EnsureNewOrOursAsync(context, plan, BatchKeys.For(groupItems, 1)!, observer, cancellationToken).ConfigureAwait(false);

            observer.Verbose($"Experiment '{plan.Name}': {plan.Variants.Count} ad groups in one request (Idempotency-Key base '{plan.Keys.Base}').");
            var groups = await WriteAsync(context, AdsResources.AdGroups, WriteKind.Create, groupItems, observer, cancellationToken, plan, null).ConfigureAwait(false);
            var made = groups.Select(o => o.Result!).ToArray();
            if (Failures(groups) is { Count: > 0 } refused)
            {
                throw await AbandonAsync(context, plan, made, refused, "ad group", observer).ConfigureAwait(false);
            }

            var adItems = plan.Variants
                .Select((v, i) => new WriteItem(plan.AdAccountId, v.Ad(made[i].Id), v.Variant, plan.Keys.Ad(v.Position)))
                .ToArray();
            observer.Verbose($"Experiment '{plan.Name}': {adItems.Length} ads in one request.");
            var ads = await WriteAsync(context, AdsResources.Ads, WriteKind.Create, adItems, observer, cancellationToken, plan, made).ConfigureAwait(false);
            if (Failures(ads) is { Count: > 0 } refusedAds)
            {
                throw await AbandonAsync(context, plan, made, refusedAds, "ad", observer).ConfigureAwait(false);
            }

            return ExperimentCatalog.Assemble(plan.AdAccountId, plan.Variants.Select((v, i) => Variant(plan, v, made[i], ads[i].Result!)))[0];
        }

        /// <summary>
        /// Refuses a name that is taken, before anything is sent: an experiment of that name elsewhere
        /// in the account, or in this campaign but made by a write with another key. Ad groups this
        /// run's key made (a run that died after its first request) are ours to complete.
        /// </summary>
        private static async Task EnsureNewOrOursAsync(PinterestAdsContext context, ExperimentPlan plan, string groupBatchKey, ICallObserver observer, CancellationToken cancellationToken)
        {
            var existing = await ExperimentCatalog.ListAsync(context, plan.AdAccountId, null, n => ExperimentNames.Same(n, plan.Name), includeAds: false, observer, cancellationToken).ConfigureAwait(false);
            if (existing.Count == 0)
            {
                return;
            }

            var elsewhere = existing.FirstOrDefault(e => e.CampaignId != plan.CampaignId.ToString());
            if (elsewhere != null)
            {
                throw Exists(plan, $"in campaign {elsewhere.CampaignId}", "Experiment names are unique in an ad account, so that -Experiment finds one: choose another -Name.");
            }

            var ids = existing.SelectMany(e => e.Variants).Select(v => v.AdGroupId).ToArray();
            var claims = new EntityClaims(context.Pipeline.Journal, context.ApiBaseUri, context.ClientId);
            var others = await claims.ClaimedByOthersAsync(ids, groupBatchKey, cancellationToken).ConfigureAwait(false);
            bool planned = existing.SelectMany(e => e.Variants).All(v => plan.Variants.Any(p => p.AdGroupName == v.AdGroupName));
            if (plan.Keys.Generated || others is null || others.Count > 0 || !planned)
            {
                throw Exists(plan, $"in campaign {plan.CampaignId} (ad groups {string.Join(", ", ids)})", plan.Keys.Generated
                    ? "To complete an experiment whose run was interrupted, run it again with the same -IdempotencyKey; otherwise choose another -Name."
                    : "It was not made by this -IdempotencyKey with these variants as far as the idempotency journal knows: choose another -Name, or run the first command again where its journal is (the same machine, or the same Redis).");
            }

            observer.Verbose($"Experiment '{plan.Name}' was begun by an earlier run with this key (ad groups {string.Join(", ", ids)}); completing it.");
        }

        /// <summary>
        /// One batch through the batch writer. A failure that is not Pinterest refusing an item (the
        /// whole request failed, or its outcome is unknown) ends the command with what to do:
        /// run it again with the same key, which completes what was made and makes the rest.
        /// </summary>
        /// <param name="madeGroups">The ad groups already made, when writing the ads; null when writing the ad groups.</param>
        private static async Task<IReadOnlyList<WriteOutcome<T>>> WriteAsync<T>(
            PinterestAdsContext context,
            AdsResource<T> resource,
            WriteKind kind,
            IReadOnlyList<WriteItem> items,
            ICallObserver observer,
            CancellationToken cancellationToken,
            ExperimentPlan? plan,
            AdGroup[]? madeGroups)
            where T : AdsEntity
        {
            var writer = new AdsBatchWriter<T>(context, resource, kind, wantResults: kind == WriteKind.Create);
            var outcomes = new List<WriteOutcome<T>>();
            try
            {
                foreach (var item in items)
                {
                    outcomes.AddRange(await writer.AddAsync(item, observer, cancellationToken).ConfigureAwait(false));
                }

                outcomes.AddRange(await writer.CompleteAsync(observer, cancellationToken).ConfigureAwait(false));
            }
            catch (PinterestAdsException ex) when (plan != null)
            {
                throw Interrupted(plan, madeGroups, ex);
            }

            if (plan != null && outcomes.FirstOrDefault(o => o.Error is PinterestAdsException e && !IsRejection(e)) is { Error: PinterestAdsException unknown })
            {
                throw Interrupted(plan, madeGroups, unknown);
            }

            return outcomes;
        }

        /// <summary>The items Pinterest refused (after <see cref="WriteAsync"/>, every failure is one).</summary>
        private static IReadOnlyList<WriteOutcome<T>> Failures<T>(IReadOnlyList<WriteOutcome<T>> outcomes)
            where T : AdsEntity =>
            outcomes.Where(o => o.Error != null || o.Result is null).ToArray();

        /// <summary>Pinterest refused this item, as opposed to a request whose outcome is unknown or that never got through.</summary>
        private static bool IsRejection(PinterestAdsException error) =>
            error.ErrorId.StartsWith("pinterestItem", StringComparison.Ordinal) && error.ErrorId != "pinterestItemMissing";

        /// <summary>
        /// After a refusal: archives and renames the ad groups this run made, so no half-made
        /// experiment stays behind under the name, and says what Pinterest refused.
        /// </summary>
        private static async Task<PinterestAdsException> AbandonAsync<T>(PinterestAdsContext context, ExperimentPlan plan, AdGroup[] made, IReadOnlyList<WriteOutcome<T>> refused, string what, ICallObserver observer)
            where T : AdsEntity
        {
            var abandon = made.Where(m => m != null).Select(m => new WriteItem(plan.AdAccountId, new JsonObject
            {
                ["id"] = m.Id,
                ["status"] = "ARCHIVED",
                ["name"] = Abandoned(m.Name ?? plan.Name),
            }, m.Id)).ToArray();
            string cleanup;
            try
            {
                // Not cancelled with the command: Ctrl+C must not leave a half-made experiment behind.
                var archived = abandon.Length == 0
                    ? Array.Empty<WriteOutcome<AdGroup>>()
                    : await WriteAsync(context, AdsResources.AdGroups, WriteKind.Update, abandon, observer, CancellationToken.None, null, null).ConfigureAwait(false);
                var left = archived.Where(o => o.Error != null).Select(o => o.Target).ToArray();
                cleanup = abandon.Length == 0
                    ? "Nothing was made."
                    : left.Length == 0
                        ? $"The {abandon.Length} ad group(s) already made were archived and renamed '{AbandonedPrefix}…'."
                        : $"Archiving the ad groups already made failed for {string.Join(", ", left)}: archive them with Remove-PinAdGroup.";
            }
            catch (PinterestAdsException ex)
            {
                cleanup = $"Archiving the ad groups already made failed ({ex.Message}): archive them with Remove-PinAdGroup.";
            }

            var first = refused[0].Error;
            string reasons = string.Join("; ", refused.Select(o => $"variant '{o.Target}': {o.Error?.Message ?? "no result"}"));
            return new PinterestAdsException(
                "experimentRejected",
                first?.Kind ?? FailureKind.InvalidResult,
                $"Experiment '{plan.Name}' was not made: Pinterest refused the {what} of {reasons}. {cleanup} Correct the variant and run the command again with a new -IdempotencyKey.",
                "Correct the variant Pinterest refused and run New-PinExperiment again with a new -IdempotencyKey.",
                first)
            {
                Target = refused[0].Target,
                ApiCode = first?.ApiCode,
                RequestId = first?.RequestId,
            };
        }

        private static string Abandoned(string name)
        {
            string renamed = AbandonedPrefix + name;
            return renamed.Length <= ExperimentNames.MaxAdGroupNameLength ? renamed : renamed.Substring(0, ExperimentNames.MaxAdGroupNameLength);
        }

        /// <param name="madeGroups">The ad groups made, when it was the ads that failed.</param>
        private static PinterestAdsException Interrupted(ExperimentPlan plan, AdGroup[]? madeGroups, PinterestAdsException cause)
        {
            string state = madeGroups is null
                ? "its ad groups may or may not have been made"
                : $"its ad groups were made ({string.Join(", ", madeGroups.Select(m => m.Id))}) but its ads may or may not have been";
            return new PinterestAdsException(
                "experimentIncomplete",
                cause.Kind,
                $"Experiment '{plan.Name}' is not complete: {state}. {cause.Message} " +
                $"Run the same command again with -IdempotencyKey '{plan.Keys.Base}' to complete it: it makes only what is missing.",
                $"Run the same New-PinExperiment again with -IdempotencyKey '{plan.Keys.Base}': it makes only what is missing.",
                cause)
            {
                Target = plan.Name,
                RetryAt = cause.RetryAt,
                RequestId = cause.RequestId,
            };
        }

        private static PinterestAdsException Exists(ExperimentPlan plan, string where, string advice) =>
            new PinterestAdsException(
                "experimentExists",
                FailureKind.Conflict,
                $"An experiment named '{plan.Name}' already exists in ad account {plan.AdAccountId}, {where}. Nothing was sent. {advice}",
                advice)
            { Target = plan.Name };

        private static ExperimentVariant Variant(ExperimentPlan plan, PlannedVariant planned, AdGroup group, Ad ad) => new ExperimentVariant
        {
            Experiment = plan.Name,
            Variant = planned.Variant,
            IsControl = planned.IsControl,
            Status = group.Status,
            AdAccountId = plan.AdAccountId.ToString(),
            CampaignId = group.CampaignId ?? plan.CampaignId.ToString(),
            AdGroupId = group.Id,
            AdGroupName = group.Name ?? planned.AdGroupName,
            AdId = ad.Id,
            PinId = ad.PinId ?? planned.PinId,
            ReviewStatus = ad.ReviewStatus,
            CreatedTime = group.CreatedTime,
        };
    }
}
