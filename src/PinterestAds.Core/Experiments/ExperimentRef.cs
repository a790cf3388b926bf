using PinterestAds.Core.Ads;

namespace PinterestAds.Core.Experiments
{
    /// <summary>How a command names one experiment: its ad account, its name (case ignored), and its campaign when two campaigns have one of that name.</summary>
    public sealed class ExperimentRef
    {
        public ExperimentRef(PinterestId adAccountId, string name, PinterestId? campaignId = null)
        {
            AdAccountId = adAccountId;
            Name = name;
            CampaignId = campaignId;
        }

        public PinterestId AdAccountId { get; }

        public string Name { get; }

        public PinterestId? CampaignId { get; }

        public override string ToString() => $"experiment '{Name}' in ad account {AdAccountId}";
    }
}
