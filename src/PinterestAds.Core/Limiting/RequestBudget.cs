using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;

namespace PinterestAds.Core.Limiting
{
    /// <summary>Builds the limiter a context uses from its <see cref="BudgetOptions"/>.</summary>
    public static class RequestBudget
    {
        // INTERIM (replaced by the Redis / machine-wide limiter in the request-budget issue):
        // admits every request so the foundation can be exercised end to end.
        public static IRequestLimiter CreateLimiter(BudgetOptions options) => new AdmitAll();

        private sealed class AdmitAll : IRequestLimiter
        {
            public Task AcquireAsync(LimiterBucket bucket, string attemptId, ICallObserver observer, CancellationToken cancellationToken) => Task.CompletedTask;

            public void Dispose()
            {
            }
        }
    }
}
