using System;
using System.Management.Automation;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Inputs;
using PinterestAds.PowerShell.Binding;

namespace PinterestAds.PowerShell.Cmdlets.Ads.Parameters
{
    /// <summary>
    /// The ad group fields New-PinAdGroup and Set-PinAdGroup share; Set- sends only those given.
    /// The cmdlets declare -Name and -BillableEvent themselves and implement <see cref="IAdGroupFields"/>.
    /// </summary>
    public abstract class AdGroupFieldsCmdlet : AdsFieldsCmdlet
    {
        /// <summary>Budget in the account's currency, e.g. 50; its period is -BudgetType.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AmountTransformation]
        public Amount? Budget { get; set; }

        /// <summary>DAILY (Pinterest's default), LIFETIME (needs -EndTime) or CBO_ADGROUP (the only one under campaign budget optimization).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        [ArgumentCompleter(typeof(SpecValueCompleter))]
        public string? BudgetType { get; set; }

        /// <summary>Bid in the account's currency, e.g. 1.20 (per billable event; per thousand for IMPRESSION).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AmountTransformation]
        public Amount? Bid { get; set; }

        /// <summary>AUTOMATIC_BID, MAX_BID or TARGET_AVG.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("BidStrategyType")]
        [OptionalText]
        [ArgumentCompleter(typeof(SpecValueCompleter))]
        public string? BidStrategy { get; set; }

        /// <summary>The targeting_spec as a hashtable (or JSON text), e.g. @{ LOCATION = 'US'; GENDER = 'female' }.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("TargetingSpec")]
        [PlainData]
        public object? Targeting { get; set; }

        /// <summary>The optimization_goal_metadata as a hashtable (required for WEB_CONVERSION campaigns).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [PlainData]
        public object? OptimizationGoalMetadata { get; set; }

        /// <summary>Where ads may show: ALL (Pinterest's default), SEARCH, BROWSE or OTHER.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        [ArgumentCompleter(typeof(SpecValueCompleter))]
        public string? PlacementGroup { get; set; }

        /// <summary>STANDARD (Pinterest's default; spend evenly) or ACCELERATED (spend as fast as possible).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        [ArgumentCompleter(typeof(SpecValueCompleter))]
        public string? PacingDeliveryType { get; set; }

        /// <summary>Lets Pinterest widen targeting beyond -Targeting (Pinterest's default: true).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("AutoTargetingEnabled")]
        [FlagTransformation]
        public bool? AutoTargeting { get; set; }

        /// <summary>Most impressions per person over the ad group's life (IMPRESSION groups with an end time).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public int? LifetimeFrequencyCap { get; set; }

        /// <summary>When ads start to run (sent as Unix seconds); text without an offset is local time.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [TimeTransformation]
        public DateTime? StartTime { get; set; }

        /// <summary>When ads stop running (sent as Unix seconds); must follow -StartTime.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [TimeTransformation]
        public DateTime? EndTime { get; set; }
    }
}
