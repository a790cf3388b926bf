using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Http;
using PinterestAds.PowerShell.Infrastructure;

namespace PinterestAds.PowerShell.Paging
{
    /// <summary>
    /// How every Get- cmdlet pages: -PageSize items a request, one page and a warning when more
    /// exist, every page with -All, and -First, -Skip and -IncludeTotalCount (SupportsPaging) over
    /// what is listed, each object written as its page arrives.
    /// </summary>
    internal sealed class PagedLister
    {
        private readonly PSCmdlet _cmdlet;
        private readonly CoreRunner _core;
        private readonly bool _all;
        private readonly int _pageSize;
        private readonly bool _pageSizeGiven;

        /// <param name="all">The cmdlet's -All.</param>
        /// <param name="pageSize">The cmdlet's -PageSize.</param>
        /// <param name="pageSizeGiven">Whether -PageSize was given (else the page fits -All or -First).</param>
        public PagedLister(PSCmdlet cmdlet, CoreRunner core, bool all, int pageSize, bool pageSizeGiven)
        {
            _cmdlet = cmdlet;
            _core = core;
            _all = all;
            _pageSize = pageSize;
            _pageSizeGiven = pageSizeGiven;
        }

        /// <param name="errorTarget">What a failure is about (it fails this record only).</param>
        /// <param name="list">Lists with a page size and whether to follow every page; throws an error naming the parameter.</param>
        /// <param name="output">What is written for each item (the model wrapped for its view).</param>
        public void List<T>(object? errorTarget, Func<int, bool, PipelineBridge, CancellationToken, IAsyncEnumerable<T>> list, Func<T, object> output)
        {
            var paging = _cmdlet.PagingParameters;
            ulong skip = paging.Skip;
            ulong first = paging.First;
            bool limited = first != ulong.MaxValue || skip > 0;
            bool allPages = _all || limited;
            int pageSize = RequestPageSize(limited, first, skip);

            ulong listed = 0;
            bool complete = true;
            _core.RunForItem(errorTarget, async (bridge, ct) =>
            {
                ulong emitted = 0;
                await foreach (var item in list(pageSize, allPages, bridge, ct).ConfigureAwait(false))
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

                    bridge.Output(output(item));
                }
            });

            if (paging.IncludeTotalCount)
            {
                _cmdlet.WriteObject(paging.NewTotalCount(listed, complete && allPages ? 1.0 : 0.0));
            }
        }

        /// <summary>-PageSize when given; else the largest page for -All, or just enough for -Skip plus -First in one request.</summary>
        private int RequestPageSize(bool limited, ulong first, ulong skip)
        {
            if (_pageSizeGiven || (!_all && !limited))
            {
                return _pageSize;
            }

            return _all ? Paginator.MaxPageSize : (int)Math.Min(Paginator.MaxPageSize, Math.Max(1, Math.Min(first, int.MaxValue) + skip));
        }
    }
}
