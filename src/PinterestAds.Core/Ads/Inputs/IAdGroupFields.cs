using System;

namespace PinterestAds.Core.Ads.Inputs
{
    /// <summary>
    /// The one list of an ad group's fields, each named after its PowerShell parameter (see
    /// <see cref="ICampaignFields"/>): New-PinAdGroup and Set-PinAdGroup implement it, and
    /// <see cref="AdGroupRequests"/> names the fields in errors with <c>nameof</c>. Null means "not given".
    /// </summary>
    public interface IAdGroupFields
    {
        string? Name { get; }

        string? Status { get; }

        string? BillableEvent { get; }

        Amount? Budget { get; }

        string? BudgetType { get; }

        Amount? Bid { get; }

        string? BidStrategy { get; }

        /// <summary>A hashtable (or JSON text) of targeting_spec keys, e.g. @{ LOCATION = 'US'; GENDER = 'female' }.</summary>
        object? Targeting { get; }

        /// <summary>A hashtable (or JSON text) of optimization_goal_metadata.</summary>
        object? OptimizationGoalMetadata { get; }

        string? PlacementGroup { get; }

        string? PacingDeliveryType { get; }

        DateTime? StartTime { get; }

        DateTime? EndTime { get; }

        bool? AutoTargeting { get; }

        int? LifetimeFrequencyCap { get; }

        object? TrackingUrls { get; }
    }
}
