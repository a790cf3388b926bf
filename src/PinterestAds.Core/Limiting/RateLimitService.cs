using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Session;

namespace PinterestAds.Core.Limiting
{
    /// <summary>Reads a context's request budgets (Get-PinRateLimit) through its own limiter; reading spends nothing.</summary>
    public static class RateLimitService
    {
        /// <param name="adAccountIds">The ad accounts to show, in order (repeats shown once); null for the app's own budget and every ad account of the context.</param>
        public static async Task<IReadOnlyList<RateLimitStatus>> GetStatusAsync(PinterestAdsContext context, IEnumerable<string>? adAccountIds, CancellationToken cancellationToken)
        {
            var inspector = context.Limiter as IBudgetInspector ?? throw new InvalidOperationException("This context keeps no request budget to read.");
            var buckets = adAccountIds is null
                ? new[] { new LimiterBucket(context.ClientId, null) }.Concat(context.AdAccountIds.Select(id => new LimiterBucket(context.ClientId, id)))
                : adAccountIds.Distinct(StringComparer.Ordinal).Select(id => new LimiterBucket(context.ClientId, id));

            var statuses = new List<RateLimitStatus>();
            foreach (var bucket in buckets)
            {
                statuses.Add(await inspector.InspectAsync(bucket, cancellationToken).ConfigureAwait(false));
            }

            return statuses;
        }
    }
}
