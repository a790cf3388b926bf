namespace PinterestAds.Core.Jobs
{
    /// <summary>A worker's hold on one ad account of a job: only its holder may record the account's state.</summary>
    internal sealed class JobLease
    {
        public JobLease(string account, string owner)
        {
            Account = account;
            Owner = owner;
        }

        public string Account { get; }

        /// <summary>A token unique to this hold.</summary>
        public string Owner { get; }
    }
}
