using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;
using PinterestAds.Core.Resilience;

namespace PinterestAds.Core.Idempotency
{
    /// <summary>
    /// A write was re-sent because an earlier attempt timed out and, after it settled, nothing was
    /// found; yet Pinterest may land that attempt even later. After the re-send has settled too,
    /// this looks once more: whatever the write made beyond the re-send's own result is a
    /// duplicate, archived and reported with both ids. The re-send's result stands whatever
    /// becomes of the look: one that fails or is stopped only warns.
    /// </summary>
    internal sealed class LateDuplicates
    {
        private readonly IAttemptSender _sender;
        private readonly IApiReader _reads;
        private readonly ServerClock _clock;
        private readonly EntityClaims _claims;

        public LateDuplicates(IAttemptSender sender, IApiReader reads, ServerClock clock, EntityClaims claims)
        {
            _sender = sender;
            _reads = reads;
            _clock = clock;
            _claims = claims;
        }

        /// <param name="first">When the first attempt, the one that may have landed late, was sent.</param>
        /// <param name="kept">The re-send's result, which the caller gets whatever this look finds.</param>
        /// <param name="settle">Waits while the re-send, and whatever else is in flight, settles.</param>
        public async Task ArchiveAsync(ApiRequest request, WriteOptions write, UnresolvedSend first, ApiResponse kept, Func<Task> settle, ICallObserver observer, CancellationToken cancellationToken)
        {
            var reconciler = write.Reconciler!;
            var keptIds = reconciler.MadeIds(kept);
            string keptText = string.Join(", ", keptIds);
            ReconcileResult found;
            try
            {
                await settle().ConfigureAwait(false);
                var look = new UnknownWrite(request, _clock, first, _claims, new HashSet<string>(keptIds, StringComparer.Ordinal));
                found = await reconciler.ReconcileAsync(look, _reads, observer, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is PinterestAdsException || ex is OperationCanceledException)
            {
                // The result is known and stands (the journal records it); only the look is lost.
                found = ReconcileResult.Unknown(ex is PinterestAdsException ? ex.Message : "the command was stopped before it could look");
            }

            if (found.Outcome == ReconcileOutcome.NotFound)
            {
                observer.Verbose($"{request.Method} {request.DisplayPath}: the attempt that timed out did not land after all; {keptText} is the only result.");
                return;
            }

            var late = found.Outcome == ReconcileOutcome.Found ? reconciler.MadeIds(ApiResponse.NotSentNow(System.Net.HttpStatusCode.OK, "reconciled", found.Body)) : Array.Empty<string>();
            if (late.Count == 0)
            {
                observer.Warning($"{request.Operation}: an attempt with Idempotency-Key '{request.IdempotencyKey}' timed out and may have landed after the re-send that made {keptText}, " +
                    $"but whether it did cannot be told ({found.Detail}); check for a duplicate of {keptText}.");
                return;
            }

            await _claims.RecordAsync(request, late, observer).ConfigureAwait(false);
            string duplicates = string.Join(", ", late);
            try
            {
                var archive = reconciler.ArchiveRequest(request, late);
                ApiErrorMapper.EnsureSuccess(archive, await _sender.SendAsync(archive, RepeatSafety.Repeatable, observer, cancellationToken).ConfigureAwait(false));
                observer.Warning($"{request.Operation}: the attempt with Idempotency-Key '{request.IdempotencyKey}' that timed out landed late, after the re-send: " +
                    $"{duplicates} duplicates {keptText}. {duplicates} was archived; {keptText} is the result.");
            }
            catch (Exception ex) when (ex is PinterestAdsException || ex is ApiTransportException || ex is OperationCanceledException)
            {
                observer.Warning($"{request.Operation}: the attempt with Idempotency-Key '{request.IdempotencyKey}' that timed out landed late, after the re-send: " +
                    $"{duplicates} duplicates {keptText}, and archiving {duplicates} failed ({ex.Message}); archive it yourself (Remove-PinCampaign, Remove-PinAdGroup or Remove-PinAd).");
            }
        }
    }
}
