using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Idempotency;
using PinterestAds.Core.Resilience;

namespace PinterestAds.Core.Http
{
    /// <summary>
    /// The one request path every cmdlet uses: bearer token → attempts (each with its own permit)
    /// → one renewal on 401 → success, or a mapped <see cref="PinterestAdsException"/>.
    /// Writes additionally carry an <c>Idempotency-Key</c> (the caller's, or one generated per
    /// logical write), are journaled when the caller chose the key, and are never blindly re-sent
    /// when their outcome is unknown: they are reconciled, or fail with an error naming the key.
    /// </summary>
    public sealed class RequestPipeline
    {
        /// <summary>Response header marking a result that was not sent now but replayed or reconciled.</summary>
        public const string ResultSourceHeader = "X-PinterestAds-Result-Source";

        private readonly ApiTransport _transport;
        private readonly IAccessTokenSource _tokens;
        private readonly IAttemptStrategy _attempts;
        private readonly IIdempotencyJournal? _journal;
        private readonly TimeProvider _time;

        /// <param name="journal">Remembers caller-supplied idempotency keys (RequestBudget.CreateJournal); null disables replay.</param>
        public RequestPipeline(ApiTransport transport, IAccessTokenSource tokens, IAttemptStrategy attempts, IIdempotencyJournal? journal = null, TimeProvider? timeProvider = null)
        {
            _transport = transport;
            _tokens = tokens;
            _attempts = attempts;
            _journal = journal;
            _time = timeProvider ?? TimeProvider.System;
        }

        public ApiEndpoint Endpoint => _transport.Endpoint;

        public IIdempotencyJournal? Journal => _journal;

        public Task<ApiResponse> SendAsync(ApiRequest request, ICallObserver observer, CancellationToken cancellationToken) =>
            SendAsync(request, null, observer, cancellationToken);

        /// <param name="write">For writes: how an unknown outcome may be resolved (reconciler, repeatable PATCH). Null: never re-sent.</param>
        public async Task<ApiResponse> SendAsync(ApiRequest request, WriteOptions? write, ICallObserver observer, CancellationToken cancellationToken)
        {
            if (!request.IsWrite)
            {
                ApiResponse response;
                try
                {
                    response = await SendAttemptsAsync(request, RepeatSafety.Repeatable, observer, cancellationToken).ConfigureAwait(false);
                }
                catch (ApiTransportException ex)
                {
                    throw TransportError(request, ex);
                }

                return EnsureSuccess(request, response);
            }

            return await SendWriteAsync(request, write ?? WriteOptions.Default, observer, cancellationToken).ConfigureAwait(false);
        }

        private async Task<ApiResponse> SendWriteAsync(ApiRequest request, WriteOptions write, ICallObserver observer, CancellationToken cancellationToken)
        {
            bool callersKey = request.IdempotencyKey != null;
            if (callersKey)
            {
                IdempotencyKeys.Validate(request.IdempotencyKey);
            }
            else
            {
                request = request.WithIdempotencyKey(IdempotencyKeys.New());
            }

            string key = request.IdempotencyKey!;
            if (!callersKey || _journal is null)
            {
                // A generated key lives only as long as this call: nothing to replay later.
                return await SendWriteRoundsAsync(request, write, null, observer, cancellationToken).ConfigureAwait(false);
            }

            var claim = await BeginAsync(request, key, cancellationToken).ConfigureAwait(false);
            switch (claim.Status)
            {
                case JournalClaimStatus.Completed:
                    observer.Verbose($"{request.Method} {request.DisplayPath}: Idempotency-Key '{key}' already completed this request" +
                        (claim.CompletedAt is DateTimeOffset at ? $" at {at.UtcDateTime:u}" : string.Empty) + "; returning that result without sending.");
                    return new ApiResponse((HttpStatusCode)claim.ResponseStatus, Headers("replayed"), claim.ResponseBody ?? new byte[0]);
                case JournalClaimStatus.Mismatch:
                    throw IdempotencyErrors.KeyReused(request, key, claim.FirstUsedAt);
                case JournalClaimStatus.InProgress:
                    throw IdempotencyErrors.InProgress(request, key, claim.FirstUsedAt, claim.LeaseUntil);
            }

            DateTimeOffset? unresolvedSince = null;
            if (claim.Status == JournalClaimStatus.Recovered)
            {
                observer.Verbose($"{request.Method} {request.DisplayPath}: an earlier run with Idempotency-Key '{key}' ended with an unknown outcome; checking before sending.");
                unresolvedSince = claim.FirstUsedAt ?? _time.GetUtcNow() - UnknownStartFallback;
            }

            try
            {
                var response = await SendWriteRoundsAsync(request, write, unresolvedSince, observer, cancellationToken).ConfigureAwait(false);
                await SafelyAsync(() => _journal.CompleteAsync(claim, response, CancellationToken.None), "record the result of", request, key, observer).ConfigureAwait(false);
                return response;
            }
            catch (PinterestAdsException ex) when (ex.ErrorId == IdempotencyErrors.OutcomeUnknownId)
            {
                await SafelyAsync(() => _journal.MarkUnknownAsync(claim, CancellationToken.None), "record the unknown outcome of", request, key, observer).ConfigureAwait(false);
                throw;
            }
            catch (PinterestAdsException)
            {
                // Rejected by Pinterest or never sent (quota, 4xx): the key may be used again.
                await SafelyAsync(() => _journal.ReleaseAsync(claim, CancellationToken.None), "release", request, key, observer).ConfigureAwait(false);
                throw;
            }
            catch
            {
                // Cancelled or failed mid-flight: the request may have gone out.
                await SafelyAsync(() => _journal.MarkUnknownAsync(claim, CancellationToken.None), "record the unknown outcome of", request, key, observer).ConfigureAwait(false);
                throw;
            }
        }

        /// <summary>
        /// Sends, and while the outcome stays unknown, reconciles: a write found is returned as if
        /// answered, a write provably absent is re-sent with the same key (bounded), and anything
        /// else becomes an unknown-outcome error. Nothing unknown is ever blindly re-sent.
        /// </summary>
        private async Task<ApiResponse> SendWriteRoundsAsync(ApiRequest request, WriteOptions write, DateTimeOffset? unresolvedSince, ICallObserver observer, CancellationToken cancellationToken)
        {
            string key = request.IdempotencyKey!;
            int resends = 0;
            Ambiguity? last = null;
            while (true)
            {
                if (unresolvedSince is DateTimeOffset since && write.RepeatSafety == RepeatSafety.NotRepeatable)
                {
                    if (write.Reconciler is null)
                    {
                        throw last?.ToError(request, key, hasReconciler: false)
                            ?? IdempotencyErrors.OutcomeUnknown(request, key, FailureKind.Connection, "an earlier run with this key ended before its outcome was known", hasReconciler: false);
                    }

                    if (resends >= write.MaxResends)
                    {
                        throw (last ?? Ambiguity.Earlier()).ToError(request, key, hasReconciler: true, $"still unknown after {resends + 1} sends");
                    }

                    var found = await write.Reconciler.ReconcileAsync(request, since, this, observer, cancellationToken).ConfigureAwait(false);
                    switch (found.Outcome)
                    {
                        case ReconcileOutcome.Found:
                            observer.Verbose($"{request.Method} {request.DisplayPath}: the write did happen" + Detail(found) + "; using what it made instead of sending again.");
                            return new ApiResponse(HttpStatusCode.OK, Headers("reconciled"), found.Body ?? new byte[0]);
                        case ReconcileOutcome.NotFound:
                            observer.Verbose($"{request.Method} {request.DisplayPath}: the write provably did not happen" + Detail(found) + $"; sending it again with Idempotency-Key '{key}'.");
                            resends++;
                            break;
                        default:
                            throw (last ?? Ambiguity.Earlier()).ToError(request, key, hasReconciler: true, found.Detail);
                    }
                }

                var sentAt = _time.GetUtcNow();
                ApiResponse response;
                try
                {
                    response = await SendAttemptsAsync(request, write.RepeatSafety, observer, cancellationToken).ConfigureAwait(false);
                }
                catch (ApiTransportException ex) when (ex.MayHaveReachedServer)
                {
                    last = Ambiguity.From(ex);
                    if (write.RepeatSafety == RepeatSafety.Repeatable)
                    {
                        // Already retried as often as the strategy allows.
                        throw last.ToError(request, key, hasReconciler: write.Reconciler != null);
                    }

                    observer.Verbose($"{request.Method} {request.DisplayPath}: {ex.Message.TrimEnd('.')}; the write may have reached Pinterest.");
                    unresolvedSince ??= sentAt;
                    continue;
                }
                catch (ApiTransportException ex)
                {
                    throw TransportError(request, ex);
                }

                if (IsAmbiguousStatus(response.StatusCode))
                {
                    last = Ambiguity.From(response);
                    if (write.RepeatSafety == RepeatSafety.Repeatable)
                    {
                        throw last.ToError(request, key, hasReconciler: write.Reconciler != null);
                    }

                    observer.Verbose($"{request.Method} {request.DisplayPath}: Pinterest answered {response.StatusCode}; the write may or may not have happened.");
                    unresolvedSince ??= sentAt;
                    continue;
                }

                return EnsureSuccess(request, response);
            }
        }

        /// <summary>Runs the attempt strategy, then renews the token once if Pinterest answered 401 (never loops).</summary>
        private async Task<ApiResponse> SendAttemptsAsync(ApiRequest request, RepeatSafety safety, ICallObserver observer, CancellationToken cancellationToken)
        {
            var (response, usedToken) = await SendWithTokenAsync(request, safety, observer, cancellationToken).ConfigureAwait(false);

            // A token can be revoked or expire early; renew once, then give up (never loop).
            if (response.StatusCode == 401 && await _tokens.RenewAfterRejectionAsync(usedToken, observer, cancellationToken).ConfigureAwait(false))
            {
                observer.Verbose($"Pinterest rejected the access token for {request.DisplayPath}; retrying once with a renewed token.");
                (response, _) = await SendWithTokenAsync(request, safety, observer, cancellationToken).ConfigureAwait(false);
            }

            return response;
        }

        private async Task<(ApiResponse Response, string Token)> SendWithTokenAsync(ApiRequest request, RepeatSafety safety, ICallObserver observer, CancellationToken cancellationToken)
        {
            string token = string.Empty;
            Func<int, CancellationToken, Task<ApiResponse>> attempt = async (number, ct) =>
            {
                token = await _tokens.GetAccessTokenAsync(observer, ct).ConfigureAwait(false);
                return await _transport.SendAsync(request, new AuthenticationHeaderValue("Bearer", token), number, observer, ct).ConfigureAwait(false);
            };

            var response = _attempts is IRepeatAwareAttemptStrategy aware
                ? await aware.ExecuteAsync(request, safety, attempt, observer, cancellationToken).ConfigureAwait(false)
                : await _attempts.ExecuteAsync(request, attempt, observer, cancellationToken).ConfigureAwait(false);
            return (response, token);
        }

        private static ApiResponse EnsureSuccess(ApiRequest request, ApiResponse response) =>
            response.IsSuccess ? response : throw ApiErrorMapper.FromResponse(request, response);

        private static bool IsAmbiguousStatus(int status) => status == 408 || status >= 500;

        private static PinterestAdsException TransportError(ApiRequest request, ApiTransportException ex) =>
            ex.IsTimeout
                ? new PinterestAdsException("requestTimedOut", FailureKind.OperationTimeout, $"Pinterest Ads {request.DisplayPath}: {ex.Message}", "Pinterest did not answer in time; run the command again later.", ex)
                : new PinterestAdsException(
                    "connectionFailed",
                    FailureKind.Connection,
                    $"Pinterest Ads {request.DisplayPath}: {ex.Message}" + (ex.MayHaveReachedServer ? string.Empty : " Nothing was sent."),
                    "Check the network connection (and -ApiBaseUri / PINTEREST_ADS_API_BASE_URI), then run the command again.",
                    ex);

        private static readonly TimeSpan UnknownStartFallback = TimeSpan.FromMinutes(10);

        private async Task<JournalClaim> BeginAsync(ApiRequest request, string key, CancellationToken cancellationToken)
        {
            try
            {
                return await _journal!.BeginAsync(key, RequestFingerprint.Of(request), cancellationToken).ConfigureAwait(false);
            }
            catch (Coordination.RedisUnavailableException ex)
            {
                throw IdempotencyErrors.JournalUnavailable(request, key, _journal!.Description, ex.Reason, ex);
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException || ex is TimeoutException)
            {
                throw IdempotencyErrors.JournalUnavailable(request, key, _journal!.Description, ex.Message, ex);
            }
        }

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

        private static IReadOnlyDictionary<string, string> Headers(string source) =>
            new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [ResultSourceHeader] = source };

        private static string Detail(ReconcileResult result) => string.IsNullOrEmpty(result.Detail) ? string.Empty : " (" + result.Detail + ")";

        /// <summary>Why a write's outcome is unknown, for the error that ends the call.</summary>
        private sealed class Ambiguity
        {
            private Ambiguity(FailureKind kind, string cause, Exception? inner, int? status, string? requestId)
            {
                Kind = kind;
                Cause = cause;
                Inner = inner;
                Status = status;
                RequestId = requestId;
            }

            public FailureKind Kind { get; }

            public string Cause { get; }

            public Exception? Inner { get; }

            public int? Status { get; }

            public string? RequestId { get; }

            public static Ambiguity From(ApiTransportException ex) => ex.IsTimeout
                ? new Ambiguity(FailureKind.OperationTimeout, "it was sent but Pinterest did not answer in time (" + ex.Message.TrimEnd('.') + ")", ex, null, null)
                : new Ambiguity(FailureKind.Connection, "the connection dropped after the request was sent (" + ex.Message.TrimEnd('.') + ")", ex, null, null);

            public static Ambiguity From(ApiResponse response)
            {
                var (_, message) = ApiErrorMapper.ReadErrorBody(response);
                string cause = $"Pinterest answered {response.StatusCode}" + (message is null ? string.Empty : ": " + message.TrimEnd('.'));
                var kind = response.StatusCode == 408 || response.StatusCode == 504 ? FailureKind.OperationTimeout : FailureKind.Server;
                return new Ambiguity(kind, cause, null, response.StatusCode, response.RequestId);
            }

            public static Ambiguity Earlier() => new Ambiguity(FailureKind.Connection, "an earlier run with this key ended before its outcome was known", null, null, null);

            public PinterestAdsException ToError(ApiRequest request, string key, bool hasReconciler, string? detail = null) =>
                IdempotencyErrors.OutcomeUnknown(request, key, Kind, Cause + (string.IsNullOrEmpty(detail) ? string.Empty : "; " + detail), hasReconciler, Inner, Status, RequestId);
        }
    }
}
