using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Coordination;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;

namespace PinterestAds.Core.Idempotency
{
    /// <summary>
    /// The write path of the request pipeline: gives every write an <c>Idempotency-Key</c>
    /// (the caller's, or one generated per logical write) and, for a caller's key, claims it in the
    /// journal first, so that a re-run replays the first result instead of writing twice (a key
    /// another run holds is watched until that run's lease lapses, <see cref="HeldKeyWatch"/>). The
    /// sending itself, with its reconciliation rounds, is <see cref="WriteRounds"/>.
    /// </summary>
    internal sealed class WriteCoordinator
    {
        // A recovered entry that lacks its start time: reconcile as if the lost send began this
        // long ago, so the reconciler's "created since" window still covers it.
        private static readonly TimeSpan UnknownStartFallback = TimeSpan.FromMinutes(10);

        private readonly IIdempotencyJournal? _journal;
        private readonly Uri _apiBaseUri;
        private readonly string _clientId;
        private readonly TimeProvider _time;
        private readonly WriteRounds _rounds;

        public WriteCoordinator(WriteRounds rounds, IIdempotencyJournal? journal, Uri apiBaseUri, string clientId, TimeProvider time)
        {
            _rounds = rounds;
            _journal = journal;
            _apiBaseUri = apiBaseUri;
            _clientId = clientId;
            _time = time;
        }

        public async Task<ApiResponse> SendAsync(ApiRequest request, WriteOptions write, ICallObserver observer, CancellationToken cancellationToken)
        {
            if (request.IdempotencyKey is null)
            {
                // A generated key lives only as long as this call: nothing to replay later.
                return await _rounds.SendAsync(request.WithIdempotencyKey(IdempotencyKeys.New()), write, null, observer, cancellationToken).ConfigureAwait(false);
            }

            string key = IdempotencyKeys.Validate(request.IdempotencyKey);
            if (_journal is null)
            {
                return await _rounds.SendAsync(request, write, null, observer, cancellationToken).ConfigureAwait(false);
            }

            var claim = await ClaimAsync(_journal, request, key, observer, cancellationToken).ConfigureAwait(false);
            if (claim.Status == JournalClaimStatus.InProgress)
            {
                claim = await HeldKeyWatch.WatchAsync(claim, _journal.Lease, () => ClaimAsync(_journal, request, key, observer, cancellationToken), _time, request, observer, cancellationToken).ConfigureAwait(false);
            }

            if (claim.Warning is string warning)
            {
                observer.Warning(warning);
            }

            UnresolvedSend? unresolvedSince = null;
            switch (claim.Status)
            {
                case JournalClaimStatus.Completed:
                    observer.Verbose($"{request.Method} {request.DisplayPath}: Idempotency-Key '{key}' already completed this request" +
                        (claim.CompletedAt is DateTimeOffset at ? $" at {at.UtcDateTime:u}" : string.Empty) + "; returning that result without sending.");
                    return ApiResponse.NotSentNow((HttpStatusCode)claim.ResponseStatus, "replayed", claim.ResponseBody);
                case JournalClaimStatus.Mismatch:
                    throw IdempotencyErrors.KeyReused(request, key, claim.FirstUsedAt);
                case JournalClaimStatus.InProgress:
                    throw IdempotencyErrors.InProgress(request, key, claim.FirstUsedAt, claim.LeaseUntil);
                case JournalClaimStatus.Recovered:
                    observer.Verbose(claim.JournalLostAt is DateTimeOffset lost
                        ? $"{request.Method} {request.DisplayPath}: the journal lost its entries at {Limiting.Durations.Instant(lost)}, so Idempotency-Key '{key}' may have been used before; checking before sending."
                        : $"{request.Method} {request.DisplayPath}: an earlier run with Idempotency-Key '{key}' ended with an unknown outcome; checking before sending.");
                    unresolvedSince = new UnresolvedSend(claim.FirstUsedAt ?? _time.GetUtcNow() - UnknownStartFallback, claim.LastAliveAt);
                    break;
            }

            ApiResponse response;
            try
            {
                // The lease is renewed while the write runs, and no longer once its outcome is being recorded.
                var lease = LeaseKeeper.Start(ct => _journal.RenewAsync(claim, ct), _journal.Lease);
                try
                {
                    response = await _rounds.SendAsync(request, write, unresolvedSince, observer, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    await lease.DisposeAsync().ConfigureAwait(false);
                }
            }
            catch (Exception ex)
            {
                // Rejected by Pinterest or never sent (quota, 4xx): the key may be used again.
                // Anything else (unknown outcome, cancelled or failed mid-flight) may have gone out.
                // CancellationToken.None: the bookkeeping must happen even when the call was cancelled.
                if (ex is PinterestAdsException known && known.ErrorId != IdempotencyErrors.OutcomeUnknownId)
                {
                    await SafelyAsync(() => _journal.ReleaseAsync(claim, CancellationToken.None), "release", request, key, observer).ConfigureAwait(false);
                }
                else
                {
                    await SafelyAsync(() => _journal.MarkUnknownAsync(claim, CancellationToken.None), "record the unknown outcome of", request, key, observer).ConfigureAwait(false);
                }

                throw;
            }

            await SafelyAsync(() => _journal.CompleteAsync(claim, response, CancellationToken.None), "record the result of", request, key, observer).ConfigureAwait(false);
            return response;
        }

        /// <summary>Claims the key, scoped to this API and app; a journal it cannot reach is an error before anything is sent.</summary>
        private async Task<JournalClaim> ClaimAsync(IIdempotencyJournal journal, ApiRequest request, string key, ICallObserver observer, CancellationToken cancellationToken)
        {
            try
            {
                string journalKey = IdempotencyKeys.JournalKey(_apiBaseUri, _clientId, key);
                return await journal.BeginAsync(journalKey, RequestFingerprint.Of(request), cancellationToken).ConfigureAwait(false);
            }
            catch (Coordination.RedisUnavailableException ex)
            {
                observer.Verbose($"Redis at {ex.Endpoints}: {ex.Detail}");
                throw IdempotencyErrors.JournalUnavailable(request, key, journal.Description, ex.Reason, FailureKind.LimitsExceeded, ex);
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException || ex is TimeoutException)
            {
                throw IdempotencyErrors.JournalUnavailable(request, key, journal.Description, ex.Message, FailureKind.Connection, ex);
            }
        }

        /// <summary>The write already has its outcome; a journal failure now must not hide it, only be reported.</summary>
        private static async Task SafelyAsync(Func<Task> journalCall, string what, ApiRequest request, string key, ICallObserver observer)
        {
            try
            {
                await journalCall().ConfigureAwait(false);
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                observer.Warning($"{request.Method} {request.DisplayPath}: could not {what} Idempotency-Key '{key}' in the journal ({ex.GetBaseException().Message}); a re-run with this key will check before sending.");
            }
        }
    }
}
