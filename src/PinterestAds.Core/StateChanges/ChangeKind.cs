namespace PinterestAds.Core.StateChanges
{
    /// <summary>What happened to a campaign, ad group or ad between two looks: what a webhook would have said.</summary>
    public enum ChangeKind
    {
        /// <summary>Pinterest's review rejected an ad (its rejection reasons say why).</summary>
        AdRejected,

        /// <summary>Pinterest's review approved an ad.</summary>
        AdApproved,

        /// <summary>The status changed (ACTIVE, PAUSED, …), other than to ARCHIVED.</summary>
        StatusChanged,

        /// <summary>A campaign's spend today reached its daily spend cap.</summary>
        DailyCapReached,

        /// <summary>A campaign's lifetime spend reached its lifetime spend cap.</summary>
        LifetimeCapReached,

        /// <summary>The status became ARCHIVED.</summary>
        Archived,

        /// <summary>An entity that was not there at the last look.</summary>
        Created,
    }
}
