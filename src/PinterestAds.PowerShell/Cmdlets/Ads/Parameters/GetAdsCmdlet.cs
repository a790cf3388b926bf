using System.Management.Automation;
using PinterestAds.Core.Http;
using PinterestAds.PowerShell.Binding;

namespace PinterestAds.PowerShell.Cmdlets.Ads.Parameters
{
    /// <summary>The parameters Get-PinCampaign, Get-PinAdGroup and Get-PinAd share: statuses and paging.</summary>
    public abstract class GetAdsCmdlet : AdsCmdlet
    {
        /// <summary>Statuses to list (entity_statuses); Pinterest lists ACTIVE and PAUSED when none are given.</summary>
        [Parameter]
        [Alias("EntityStatuses")]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(SpecValueCompleter))]
        public string[]? Status { get; set; }

        /// <summary>Follows every page, 250 items a request.</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        /// <summary>Items per request (1-250).</summary>
        [Parameter]
        [ValidateRange(1, Paginator.MaxPageSize)]
        public int PageSize { get; set; } = 25;
    }
}
