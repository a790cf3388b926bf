using System;
using System.Threading.Tasks;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Reading;
using PinterestAds.Core.Http;
using PinterestAds.PowerShell.Cmdlets.Ads.Parameters;

namespace PinterestAds.PowerShell.Ads
{
    /// <summary>
    /// Lists for Get-PinCampaign, Get-PinAdGroup and Get-PinAd: the query from the cmdlet's statuses
    /// and paging (-All, -First, -Skip, -PageSize, -IncludeTotalCount), each entity written as its
    /// page arrives. The cmdlet makes one at BeginProcessing and lists once per record.
    /// </summary>
    internal sealed class AdsLister<T>
        where T : AdsEntity
    {
        private readonly GetAdsCmdlet _cmdlet;
        private readonly AdsResource<T> _resource = AdsResources.For<T>();
        private readonly AdsInput _input;

        public AdsLister(GetAdsCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
            _input = new AdsInput(cmdlet, _resource.Kind, write: null);
        }


        /// <param name="filter">Adds the record's filters (ids, campaigns, ad groups) to the query; throws an error naming the parameter.</param>
        public void List(Action<AdsInput, AdsListQuery> filter)
        {
            var context = _cmdlet.Core.Connection(_cmdlet.Context);
            var paging = _cmdlet.PagingParameters;
            ulong skip = paging.Skip;
            ulong first = paging.First;
            bool limited = first != ulong.MaxValue || skip > 0;
            bool allPages = _cmdlet.All || limited;
            int pageSize = RequestPageSize(limited, first, skip);

            ulong listed = 0;
            bool complete = true;
            _cmdlet.Core.RunForItem(_input.ErrorTarget(_cmdlet.AdAccountId), async (bridge, ct) =>
            {
                // Ids are read here, so one that is not an id is an error about this record only.
                var query = new AdsListQuery(_input.AdAccountId) { Status = _cmdlet.Status, AllPages = allPages, PageSize = pageSize };
                filter(_input, query);
                ulong emitted = 0;
                await foreach (var entity in AdsReader.ListAsync(context, _resource, query, bridge, ct).ConfigureAwait(false))
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

            if (paging.IncludeTotalCount)
            {
                _cmdlet.WriteObject(paging.NewTotalCount(listed, complete && allPages ? 1.0 : 0.0));
            }
        }

        /// <summary>-PageSize when given; else the largest page for -All, or just enough for -Skip plus -First in one request.</summary>
        private int RequestPageSize(bool limited, ulong first, ulong skip)
        {
            if (_input.OnCommandLine(nameof(GetAdsCmdlet.PageSize)) || (!_cmdlet.All && !limited))
            {
                return _cmdlet.PageSize;
            }

            return _cmdlet.All ? Paginator.MaxPageSize : (int)Math.Min(Paginator.MaxPageSize, Math.Max(1, Math.Min(first, int.MaxValue) + skip));
        }
    }
}
