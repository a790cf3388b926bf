using System;
using System.Management.Automation;
using System.Threading.Tasks;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Http;

namespace PinterestAds.PowerShell.Cmdlets.Ads
{
    /// <summary>
    /// Base of Get-PinCampaign, Get-PinAdGroup and Get-PinAd: statuses, paging (-All, -First,
    /// -Skip, -PageSize) and streaming each page as it arrives.
    /// </summary>
    public abstract class GetAdsCmdlet<T> : AdsCmdlet<T>
        where T : AdsEntity
    {
        /// <summary>Statuses to list (entity_statuses); Pinterest lists ACTIVE and PAUSED when none are given.</summary>
        [Parameter]
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

        /// <summary>Adds the filters of the concrete cmdlet (ids, campaigns, ad groups).</summary>
        private protected abstract void AddFilters(AdsListQuery query);

        protected override void ProcessRecord()
        {
            var context = Core.Connection(Context);
            ulong skip = PagingParameters.Skip;
            ulong first = PagingParameters.First;
            bool paging = first != ulong.MaxValue || skip > 0;
            var query = new AdsListQuery(AdAccountId)
            {
                Statuses = Status,
                AllPages = All || paging,
                PageSize = RequestPageSize(paging, first, skip),
            };
            AddFilters(query);

            ulong listed = 0;
            bool complete = true;
            Core.RunForItem(ErrorTarget(AdAccountId), async (bridge, ct) =>
            {
                ulong emitted = 0;
                await foreach (var entity in AdsReader.ListAsync(context, Resource, query, bridge, ct).ConfigureAwait(false))
                {
                    if (listed++ < skip)
                    {
                        continue;
                    }

                    if (emitted++ >= first)
                    {
                        complete = false;
                        break;
                    }

                    bridge.Output(AdsOutput.Wrap(entity));
                }
            });

            if (PagingParameters.IncludeTotalCount)
            {
                WriteObject(PagingParameters.NewTotalCount(listed, complete && query.AllPages ? 1.0 : 0.0));
            }
        }

        /// <summary>-PageSize when given; else the largest page for -All, or just enough for -Skip plus -First in one request.</summary>
        private int RequestPageSize(bool paging, ulong first, ulong skip)
        {
            if (OnCommandLine(nameof(PageSize)) || (!All && !paging))
            {
                return PageSize;
            }

            return All ? Paginator.MaxPageSize : (int)Math.Min(Paginator.MaxPageSize, Math.Max(1, Math.Min(first, int.MaxValue) + skip));
        }
    }
}
