using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Core.Limiting
{
    /// <summary>Reads a budget without spending it (Get-PinRateLimit). Both limiters implement it.</summary>
    public interface IBudgetInspector
    {
        Task<RateLimitStatus> InspectAsync(LimiterBucket bucket, CancellationToken cancellationToken);
    }
}
