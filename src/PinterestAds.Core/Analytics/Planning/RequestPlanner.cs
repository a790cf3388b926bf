using System;
using System.Collections.Generic;
using System.Linq;

namespace PinterestAds.Core.Analytics.Planning
{
    /// <summary>
    /// The fewest requests that cover ids × dates: each span of <see cref="DateSplitter"/> once per
    /// group of ids (250 per synchronous request, 500 per async report), so N ids over D recent
    /// days cost ⌈N/250⌉·⌈D/90⌉ requests. Oldest span first, ids in the order given.
    /// </summary>
    public static class RequestPlanner
    {
        /// <param name="ids">The entities' ids; empty at level AdAccount, which has no id filter.</param>
        public static IReadOnlyList<PlannedRequest> Plan(IReadOnlyList<string> ids, DateSpan range, AnalyticsGranularity granularity, DateTime today)
        {
            var plan = new List<PlannedRequest>();
            foreach (var span in DateSplitter.Split(range, granularity, today))
            {
                int size = span.Kind == RequestKind.Sync ? AnalyticsLimits.SyncIdsPerRequest : AnalyticsLimits.ReportIdsPerRequest;
                foreach (var group in Groups(ids, size))
                {
                    plan.Add(new PlannedRequest(span, group));
                }
            }

            return plan;
        }

        private static IEnumerable<IReadOnlyList<string>> Groups(IReadOnlyList<string> ids, int size)
        {
            if (ids.Count == 0)
            {
                yield return Array.Empty<string>();
                yield break;
            }

            for (int start = 0; start < ids.Count; start += size)
            {
                yield return ids.Skip(start).Take(size).ToArray();
            }
        }
    }
}
