using System;
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
    /// Writes go through <see cref="WriteCoordinator"/>: they carry an <c>Idempotency-Key</c>, are
    /// journaled when the caller chose the key, and are never blindly re-sent when their outcome
    /// is unknown.
    /// </summary>
    public sealed class RequestPipeline
    {
        /// <summary>Response header marking a result that was not sent now but replayed or reconciled.</summary>
        public const string ResultSourceHeader = "X-PinterestAds-Result-Source";

        private readonly ApiTransport _transport;
        private readonly IAccessTokenSource _tokens;
        private readonly IAttemptStrategy _attempts;
        private readonly WriteCoordinator _writes;

        /// <param name="journal">Remembers caller-supplied idempotency keys (RequestBudget.CreateJournal); null disables replay.</param>
        public RequestPipeline(ApiTransport transport, IAccessTokenSource tokens, IAttemptStrategy attempts, IIdempotencyJournal? journal = null, TimeProvider? timeProvider = null)
        {
            _transport = transport;
            _tokens = tokens;
            _attempts = attempts;
            Journal = journal;
            _writes = new WriteCoordinator(this, journal, transport.Endpoint.BaseUri, transport.ClientId, timeProvider ?? TimeProvider.System);
        }

        public ApiEndpoint Endpoint => _transport.Endpoint;

        public IIdempotencyJournal? Journal { get; }

        public Task<ApiResponse> SendAsync(ApiRequest request, ICallObserver observer, CancellationToken cancellationToken) =>
            SendAsync(request, null, observer, cancellationToken);

        /// <param name="write">For writes: how an unknown outcome may be resolved (reconciler, repeatable PATCH). Null: never re-sent.</param>
        public async Task<ApiResponse> SendAsync(ApiRequest request, WriteOptions? write, ICallObserver observer, CancellationToken cancellationToken)
        {
            if (request.IsWrite)
            {
                return await _writes.SendAsync(request, write ?? WriteOptions.Default, observer, cancellationToken).ConfigureAwait(false);
            }

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

        /// <summary>Runs the attempt strategy, then renews the token once if Pinterest answered 401.</summary>
        internal async Task<ApiResponse> SendAttemptsAsync(ApiRequest request, RepeatSafety safety, ICallObserver observer, CancellationToken cancellationToken)
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

        /// <summary>Also returns the token the last attempt used, so a 401 renews exactly the token that was rejected.</summary>
        private async Task<(ApiResponse Response, string Token)> SendWithTokenAsync(ApiRequest request, RepeatSafety safety, ICallObserver observer, CancellationToken cancellationToken)
        {
            string token = string.Empty;
            var response = await _attempts.ExecuteAsync(
                request,
                safety,
                async (number, ct) =>
                {
                    // Fetched per attempt: a long retry wait can outlive the token.
                    token = await _tokens.GetAccessTokenAsync(observer, ct).ConfigureAwait(false);
                    return await _transport.SendAsync(request, new AuthenticationHeaderValue("Bearer", token), number, observer, ct).ConfigureAwait(false);
                },
                observer,
                cancellationToken).ConfigureAwait(false);
            return (response, token);
        }

        internal static ApiResponse EnsureSuccess(ApiRequest request, ApiResponse response) =>
            response.IsSuccess ? response : throw ApiErrorMapper.FromResponse(request, response);

        internal static PinterestAdsException TransportError(ApiRequest request, ApiTransportException ex) =>
            ex.IsTimeout
                ? new PinterestAdsException("requestTimedOut", FailureKind.OperationTimeout, $"Pinterest Ads {request.DisplayPath}: {ex.Message}", "Pinterest did not answer in time; run the command again later.", ex)
                : new PinterestAdsException(
                    "connectionFailed",
                    FailureKind.Connection,
                    $"Pinterest Ads {request.DisplayPath}: {ex.Message}" + (ex.MayHaveReachedServer ? string.Empty : " Nothing was sent."),
                    "Check the network connection (and -ApiBaseUri / PINTEREST_ADS_API_BASE_URI), then run the command again.",
                    ex);
    }
}
