using System;
using System.Management.Automation;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Inputs;
using PinterestAds.PowerShell.Binding;

namespace PinterestAds.PowerShell.Cmdlets.Ads.Parameters
{
    /// <summary>
    /// The campaign fields New-PinCampaign and Set-PinCampaign share; Set- sends only those given.
    /// The cmdlets declare -Name and -ObjectiveType themselves and implement <see cref="ICampaignFields"/>.
    /// </summary>
    public abstract class CampaignFieldsCmdlet : AdsFieldsCmdlet
    {
        /// <summary>Daily spending cap in the account's currency, e.g. 25.50; not with -LifetimeSpendCap.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AmountTransformation]
        public Amount? DailySpendCap { get; set; }

        /// <summary>Total spending cap in the account's currency; not with -DailySpendCap.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AmountTransformation]
        public Amount? LifetimeSpendCap { get; set; }

        /// <summary>Daily budget given to each ad group when campaign budget optimization is turned off.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AmountTransformation]
        public Amount? DefaultAdGroupBudget { get; set; }

        /// <summary>Campaign budget optimization (CBO): Pinterest spreads the campaign budget over its ad groups.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("IsCampaignBudgetOptimization")]
        [FlagTransformation]
        public bool? CampaignBudgetOptimization { get; set; }

        /// <summary>Flexible daily budgets (Pinterest Performance+ budgets).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("IsFlexibleDailyBudgets")]
        [FlagTransformation]
        public bool? FlexibleDailyBudgets { get; set; }

        /// <summary>Pinterest Performance+ (fixed after creation, except for drafts).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("IsPerformancePlus")]
        [FlagTransformation]
        public bool? PerformancePlus { get; set; }

        /// <summary>The order line id that appears on the invoice.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        public string? OrderLineId { get; set; }

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
