using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Resilience;

namespace PinterestAds.Core.Http
{
    /// <summary>Bearer token → attempt strategy → transport, and one renewal of the token when Pinterest answers 401.</summary>
    public sealed class AttemptSender : IAttemptSender
    {
        private readonly ApiTransport _transport;
        private readonly IAccessTokenSource _tokens;
        private readonly IAttemptStrategy _attempts;

        public AttemptSender(ApiTransport transport, IAccessTokenSource tokens, IAttemptStrategy attempts)
        {
            _transport = transport;
            _tokens = tokens;
            _attempts = attempts;
        }

        public async Task<ApiResponse> SendAsync(ApiRequest request, RepeatSafety safety, ICallObserver observer, CancellationToken cancellationToken)
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
    }
}
