using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Resilience;

namespace PinterestAds.Core.Http
{
    /// <summary>Reads through an <see cref="IAttemptSender"/>: repeated on transient failures, and anything but a 2xx is an error.</summary>
    public sealed class ApiReader : IApiReader
    {
        private readonly IAttemptSender _sender;

        public ApiReader(IAttemptSender sender)
        {
            _sender = sender;
        }

        public async Task<ApiResponse> ReadAsync(ApiRequest request, ICallObserver observer, CancellationToken cancellationToken)
        {
            ApiResponse response;
            try
            {
                response = await _sender.SendAsync(request, RepeatSafety.Repeatable, observer, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiTransportException ex)
            {
                throw TransportErrors.From(request, ex);
            }

            return ApiErrorMapper.EnsureSuccess(request, response);
        }
    }
}
