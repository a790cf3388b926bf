using System;

namespace PinterestAds.Core.Ads.Inputs
{
    /// <summary>
    /// The one list of a campaign's fields. Each is named after the PowerShell parameter that carries
    /// it (New-PinCampaign and Set-PinCampaign implement this interface with their parameters, so the
    /// compiler keeps the names equal), and <see cref="CampaignRequests"/> names it in errors with
    /// <c>nameof</c>. Null means "not given": a create uses Pinterest's default and an update leaves
    /// the field alone, so an update sends only the fields that were given.
    /// </summary>
    public interface ICampaignFields
    {
        string? Name { get; }

        string? ObjectiveType { get; }

        string? Status { get; }

        Amount? DailySpendCap { get; }

        Amount? LifetimeSpendCap { get; }

        Amount? DefaultAdGroupBudget { get; }

        bool? CampaignBudgetOptimization { get; }

        bool? FlexibleDailyBudgets { get; }

        bool? PerformancePlus { get; }

        DateTime? StartTime { get; }

        DateTime? EndTime { get; }

        /// <summary>A hashtable (or JSON text) of tracking_urls: impression, click, engagement, buyable_button, audience_verification.</summary>
        object? TrackingUrls { get; }

        string? OrderLineId { get; }
    }
}
