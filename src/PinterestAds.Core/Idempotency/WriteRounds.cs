using System;
using System.Collections.Generic;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;
using PinterestAds.Core.Resilience;

namespace PinterestAds.Core.Idempotency
{
    /// <summary>
    /// Sends a keyed write, and while its outcome stays unknown, reconciles: a write found is
    /// returned as if answered, a write provably absent is re-sent with the same key (bounded),
    /// and anything else becomes an unknown-outcome error. Nothing unknown is ever blindly
    /// re-sent, because Pinterest ignores <c>Idempotency-Key</c> and would make a duplicate.
    /// </summary>
    internal sealed class WriteRounds
    {
        /// <summary>The longest a write whose attempt timed out is left to settle before it is looked for.</summary>
        public static readonly TimeSpan MaxSettling = TimeSpan.FromSeconds(30);

        private readonly IAttemptSender _sender;
        private readonly ApiReader _reads;
        private readonly ServerClock _clock;
        private readonly EntityClaims _claims;
        private readonly TimeProvider _time;
        private readonly LateDuplicates _late;

        /// <param name="settling">How long a write that may still land is left alone before it is looked for (<see cref="SettlingAfter"/>).</param>
        public WriteRounds(IAttemptSender sender, ServerClock clock, EntityClaims claims, TimeSpan settling, TimeProvider time)
        {
            _sender = sender;
            _reads = new ApiReader(sender);
            _clock = clock;
            _claims = claims;
            Settling = settling;
            _time = time;
            _late = new LateDuplicates(sender, _reads, clock, claims);
        }

        public TimeSpan Settling { get; }

        /// <summary>
        /// A server that held an attempt past the client's timeout may take about as long again
        /// to finish it: the settling period is the attempt timeout, at most <see cref="MaxSettling"/>.
        /// </summary>
        public static TimeSpan SettlingAfter(TimeSpan attemptTimeout) => attemptTimeout < MaxSettling ? attemptTimeout : MaxSettling;

        /// <param name="earlier">Set when an earlier run left this key's outcome unknown: reconcile before the first send.</param>
        public async Task<ApiResponse> SendAsync(ApiRequest request, WriteOptions write, UnresolvedSend? earlier, ICallObserver observer, CancellationToken cancellationToken)
        {
            int resends = 0;
            Ambiguity? last = null;
            bool mayStillLand = earlier is UnresolvedSend run && await SettleEarlierRunAsync(request, run, observer, cancellationToken).ConfigureAwait(false);
            var unresolved = earlier;
            while (true)
            {
                // A repeatable write never gets here unresolved: its unknown outcome is thrown below.
                if (unresolved is UnresolvedSend since && write.RepeatSafety == RepeatSafety.NotRepeatable)
                {
                    var found = await ReconcileAsync(request, write, since, last ?? Ambiguity.Earlier(), resends, observer, cancellationToken).ConfigureAwait(false);
                    if (found != null)
                    {
                        return await KnownAsync(request, write, found, observer).ConfigureAwait(false);
                    }

                    resends++;
                }

                var sentAt = _clock.Time.GetUtcNow();
                var (response, unknown) = await SendOnceAsync(request, write, observer, cancellationToken).ConfigureAwait(false);
                if (unknown is null)
                {
                    var known = await KnownAsync(request, write, ApiErrorMapper.EnsureSuccess(request, response!), observer).ConfigureAwait(false);
                    if (mayStillLand && unresolved is UnresolvedSend first)
                    {
                        // An attempt that timed out before this one may land even now.
                        await _late.ArchiveAsync(request, write, first, known, () => SettleAsync(request, observer, cancellationToken), observer, cancellationToken).ConfigureAwait(false);
                    }

                    return known;
                }

                last = unknown;
                if (write.RepeatSafety == RepeatSafety.Repeatable)
                {
                    // The attempt strategy already retried it as often as it allows.
                    throw last.ToError(request, request.IdempotencyKey!, hasReconciler: write.Reconciler != null);
                }

                observer.Verbose($"{request.Method} {request.DisplayPath}: {last.Note}");
                unresolved ??= new UnresolvedSend(sentAt);
                if (last.MayStillLand && write.Reconciler != null)
                {
                    // Looking at once would find nothing while Pinterest still holds the write, and the re-send would duplicate it.
                    mayStillLand = true;
                    await SettleAsync(request, observer, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        /// <summary>
        /// An earlier run that was alive moments ago may have had a send under way that can still
        /// land: waits out what is left of its settling period. Returns whether it may still land.
        /// </summary>
        private async Task<bool> SettleEarlierRunAsync(ApiRequest request, UnresolvedSend earlier, ICallObserver observer, CancellationToken cancellationToken)
        {
            if (!(earlier.EarlierRunAlive is DateTimeOffset alive) || _time.GetUtcNow() - alive >= Settling + Settling)
            {
                return false;
            }

            // Whatever the journal said, never wait longer than one settling period.
            var rest = alive + Settling - _time.GetUtcNow();
            rest = rest > Settling ? Settling : rest;
            if (rest > TimeSpan.Zero)
            {
                observer.Verbose($"{request.Method} {request.DisplayPath}: the run that held Idempotency-Key '{request.IdempotencyKey}' ended moments ago; waiting {Limiting.Durations.Format(rest)} for what it sent to settle before looking.");
                await _time.Delay(rest, cancellationToken).ConfigureAwait(false);
            }

            return true;
        }

        private Task SettleAsync(ApiRequest request, ICallObserver observer, CancellationToken cancellationToken)
        {
            observer.Verbose($"{request.Method} {request.DisplayPath}: Pinterest may still be working on it; waiting {Limiting.Durations.Format(Settling)} for it to settle before looking.");
            return _time.Delay(Settling, cancellationToken);
        }

        /// <summary>A result that is known: the entities it made are claimed for this write's key, so no other write's reconciliation adopts them.</summary>
        private async Task<ApiResponse> KnownAsync(ApiRequest request, WriteOptions write, ApiResponse response, ICallObserver observer)
        {
            if (write.Reconciler != null)
            {
                await _claims.RecordAsync(request, write.Reconciler.MadeIds(response), observer).ConfigureAwait(false);
            }

            return response;
        }

        /// <summary>One pass through the attempt strategy: the answer, or why its outcome is unknown.</summary>
        private async Task<(ApiResponse? Response, Ambiguity? Unknown)> SendOnceAsync(ApiRequest request, WriteOptions write, ICallObserver observer, CancellationToken cancellationToken)
        {
            ApiResponse response;
            try
            {
                response = await _sender.SendAsync(request, write.RepeatSafety, observer, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiTransportException ex) when (ex.MayHaveReachedServer)
            {
                return (null, Ambiguity.From(ex));
            }
            catch (ApiTransportException ex)
            {
                throw TransportErrors.From(request, ex);
            }

            if (Ambiguity.IsAmbiguous(response))
            {
                return (null, Ambiguity.From(response));
            }

            return response.IsSuccess && InvalidResponse.ProblemWith(response, write.ExpectedItems) is string problem
                ? (null, Ambiguity.Unreadable(response, problem))
                : (response, null);
        }

        /// <summary>
        /// Asks the reconciler whether the write happened: its result if it did, null if it
        /// provably did not (send again); otherwise the unknown-outcome error naming <paramref name="why"/>.
        /// </summary>
        private async Task<ApiResponse?> ReconcileAsync(ApiRequest request, WriteOptions write, UnresolvedSend since, Ambiguity why, int resends, ICallObserver observer, CancellationToken cancellationToken)
        {
            string key = request.IdempotencyKey!;
            if (write.Reconciler is null)
            {
                throw why.ToError(request, key, hasReconciler: false);
            }

            if (resends >= write.MaxResends)
            {
                throw why.ToError(request, key, hasReconciler: true, $"still unknown after {resends + 1} sends");
            }

            var unknown = new UnknownWrite(request, _clock, since, _claims, new HashSet<string>(StringComparer.Ordinal));
            ReconcileResult found;
            try
            {
                found = await write.Reconciler.ReconcileAsync(unknown, _reads, observer, cancellationToken).ConfigureAwait(false);
            }
            catch (PinterestAdsException ex)
            {
                // The write may still have happened: a check that failed leaves its outcome unknown, never rejected.
                throw why.ToError(request, key, hasReconciler: true, $"the check for its result failed: {ex.Message}");
            }

            string detail = string.IsNullOrEmpty(found.Detail) ? string.Empty : " (" + found.Detail + ")";
            switch (found.Outcome)
            {
                case ReconcileOutcome.Found:
                    observer.Verbose($"{request.Method} {request.DisplayPath}: the write did happen{detail}; using what it made instead of sending again.");
                    return ApiResponse.NotSentNow(HttpStatusCode.OK, "reconciled", found.Body);
                case ReconcileOutcome.NotFound:
                    observer.Verbose($"{request.Method} {request.DisplayPath}: the write provably did not happen{detail}; sending it again with Idempotency-Key '{key}'.");
                    return null;
                default:
                    throw why.ToError(request, key, hasReconciler: true, found.Detail);
            }
        }
    }
}

