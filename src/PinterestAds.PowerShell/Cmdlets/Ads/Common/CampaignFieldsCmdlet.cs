using System.Management.Automation;
using PinterestAds.Core.Ads;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>The campaign fields New-PinCampaign and Set-PinCampaign share; Set- sends only those given.</summary>
    public abstract class CampaignFieldsCmdlet : ScheduledFieldsCmdlet<Campaign>, ICampaignFields
    {
        /// <summary>AWARENESS, CONSIDERATION, WEB_CONVERSION, CATALOG_SALES or VIDEO_COMPLETION (required to create one).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [OptionalText]
        [ArgumentCompleter(typeof(SpecValueCompleter))]
        public virtual string? ObjectiveType { get; set; }

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
    }
}
