using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Resilience;

namespace PinterestAds.Core.Http
{
    /// <summary>
    /// The one request path every cmdlet uses: bearer token → attempts (each with its own permit)
    /// → one renewal on 401 → success, or a mapped <see cref="PinterestAdsException"/>.
    /// </summary>
    public sealed class RequestPipeline
    {
        private readonly ApiTransport _transport;
        private readonly IAccessTokenSource _tokens;
        private readonly IAttemptStrategy _attempts;

        public RequestPipeline(ApiTransport transport, IAccessTokenSource tokens, IAttemptStrategy attempts)
        {
            _transport = transport;
            _tokens = tokens;
            _attempts = attempts;
        }

        public ApiEndpoint Endpoint => _transport.Endpoint;

        public async Task<ApiResponse> SendAsync(ApiRequest request, ICallObserver observer, CancellationToken cancellationToken)
        {
            var (response, usedToken) = await SendWithTokenAsync(request, observer, cancellationToken).ConfigureAwait(false);

            // A token can be revoked or expire early; renew once, then give up (never loop).
            if (response.StatusCode == 401 && await _tokens.RenewAfterRejectionAsync(usedToken, observer, cancellationToken).ConfigureAwait(false))
            {
                observer.Verbose($"Pinterest rejected the access token for {request.DisplayPath}; retrying once with a renewed token.");
                (response, _) = await SendWithTokenAsync(request, observer, cancellationToken).ConfigureAwait(false);
            }

            if (!response.IsSuccess)
            {
                throw ApiErrorMapper.FromResponse(request, response);
            }

            return response;
        }

        private async Task<(ApiResponse Response, string Token)> SendWithTokenAsync(ApiRequest request, ICallObserver observer, CancellationToken cancellationToken)
        {
            string token = string.Empty;
            var response = await _attempts.ExecuteAsync(
                request,
                async (attempt, ct) =>
                {
                    token = await _tokens.GetAccessTokenAsync(observer, ct).ConfigureAwait(false);
                    return await _transport.SendAsync(request, new AuthenticationHeaderValue("Bearer", token), attempt, observer, ct).ConfigureAwait(false);
                },
                observer,
                cancellationToken).ConfigureAwait(false);
            return (response, token);
        }
    }
}
