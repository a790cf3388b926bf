namespace PinterestAds.Testing.Ads
{
    /// <summary>Where a batch write happens: the state, the path's ad account, and the server time.</summary>
    internal sealed class WriteScope
    {
        public WriteScope(AdsState state, string adAccountId, long now)
        {
            State = state;
            AdAccountId = adAccountId;
            Now = now;
        }

        public AdsState State { get; }

        public string AdAccountId { get; }

        /// <summary>Unix seconds.</summary>
        public long Now { get; }

        public System.Text.Json.Nodes.JsonObject? Find(string collection, string? id) =>
            id == null ? null : State.Find(AdAccountId, collection, id);
    }
}
