using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;

namespace PinterestAds.Core.Http
{
    /// <summary>
    /// Reads: requests that may simply be sent again, whose failure is a
    /// <see cref="Errors.PinterestAdsException"/>. Services read through the request pipeline;
    /// reconcilers, below it, read through an <see cref="ApiReader"/> over the attempt sender.
    /// </summary>
    public interface IApiReader
    {
        Task<ApiResponse> ReadAsync(ApiRequest request, ICallObserver observer, CancellationToken cancellationToken);
    }
}
