using System.Management.Automation;
using PinterestAds.Core.Http;
using PinterestAds.PowerShell.Paging;

namespace PinterestAds.PowerShell.Cmdlets.Creatives.Parameters
{
    /// <summary>The paging parameters Get-PinMedia, Get-PinBoard and Get-PinCreative share (SupportsPaging adds -First, -Skip, -IncludeTotalCount).</summary>
    public abstract class GetCreativesCmdlet : ApiCmdlet
    {
        /// <summary>Follows every page, 250 items a request.</summary>
        [Parameter]
        public SwitchParameter All { get; set; }

        /// <summary>Items per request (1-250).</summary>
        [Parameter]
        [ValidateRange(1, Paginator.MaxPageSize)]
        public int PageSize { get; set; } = 25;

        private protected PagedLister Pages => new PagedLister(this, Core, All, PageSize, MyInvocation.BoundParameters.ContainsKey(nameof(PageSize)));
    }
}
