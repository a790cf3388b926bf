using System.IO;
using PinterestAds.Core.Coordination;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Session;

namespace PinterestAds.Core.Jobs
{
    /// <summary>The store of a named job for a context: the session's Redis when configured, else the state folder.</summary>
    internal static class JobStores
    {
        public static IJobStore For(PinterestAdsContext context, string job)
        {
            if (string.IsNullOrWhiteSpace(job))
            {
                throw PinterestAdsException.InvalidArgument("Name", "a job needs a name, such as 'hourly': workers that share it share its state.");
            }

            // Jobs of one name belong to one app against one API (production, sandbox, a test server).
            string scope = context.ClientId + ":" + StatePaths.Digest(context.ApiBaseUri.AbsoluteUri).Substring(0, 8) + ":" + job.Trim();
            var budget = context.Budget;
            if (!string.IsNullOrWhiteSpace(budget.RedisConfiguration))
            {
                return new RedisJobStore(budget.RedisConfiguration!, job.Trim(), scope);
            }

            string folder = Path.Combine(budget.StateDirectory ?? StatePaths.DefaultRoot(), "jobs", StatePaths.Digest(scope));
            return new FileJobStore(folder, job.Trim(), budget.TimeProvider);
        }
    }
}
