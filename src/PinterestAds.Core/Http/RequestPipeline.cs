using System;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Idempotency;
using PinterestAds.Core.Resilience;

namespace PinterestAds.Core.Http
{
    /// <summary>
    /// The one request path every Core service uses. Calls run one way: reads go straight to the
    /// <see cref="IAttemptSender"/> (bearer token → attempts, each with its own permit → one
    /// renewal on 401) and fail as a mapped <see cref="PinterestAdsException"/>; writes go through
    /// <see cref="WriteCoordinator"/>, which gives them an <c>Idempotency-Key</c>, journals a
    /// caller's key, and never blindly re-sends a write whose outcome is unknown.
    /// </summary>
    public sealed class RequestPipeline : IApiReader
    {
        private readonly ApiReader _reads;
        private readonly WriteCoordinator _writes;

        /// <param name="journal">Remembers caller-supplied idempotency keys (SessionWiring.CreateJournal); null disables replay.</param>
        public RequestPipeline(ApiTransport transport, IAccessTokenSource tokens, IAttemptStrategy attempts, IIdempotencyJournal? journal = null, TimeProvider? timeProvider = null)
        {
            var sender = new AttemptSender(transport, tokens, attempts);
            Endpoint = transport.Endpoint;
            RequestTimeout = transport.AttemptTimeout;
            Journal = journal;
            _reads = new ApiReader(sender);
            var rounds = new WriteRounds(sender, transport.ServerClock, new EntityClaims(journal, transport.Endpoint.BaseUri, transport.ClientId), WriteRounds.SettlingAfter(transport.AttemptTimeout), timeProvider ?? TimeProvider.System);
            _writes = new WriteCoordinator(rounds, journal, transport.Endpoint.BaseUri, transport.ClientId, timeProvider ?? TimeProvider.System);
        }

        public ApiEndpoint Endpoint { get; }

        /// <summary>How long one HTTP attempt may take.</summary>
        public TimeSpan RequestTimeout { get; }

        public IIdempotencyJournal? Journal { get; }

        public Task<ApiResponse> SendAsync(ApiRequest request, ICallObserver observer, CancellationToken cancellationToken) =>
            SendAsync(request, null, observer, cancellationToken);

        /// <param name="write">For writes: how an unknown outcome may be resolved (reconciler, repeatable PATCH). Null: never re-sent.</param>
        public Task<ApiResponse> SendAsync(ApiRequest request, WriteOptions? write, ICallObserver observer, CancellationToken cancellationToken) =>
            request.IsWrite
                ? _writes.SendAsync(request, write ?? WriteOptions.Default, observer, cancellationToken)
                : _reads.ReadAsync(request, observer, cancellationToken);

        Task<ApiResponse> IApiReader.ReadAsync(ApiRequest request, ICallObserver observer, CancellationToken cancellationToken) =>
            SendAsync(request, observer, cancellationToken);
    }
}
