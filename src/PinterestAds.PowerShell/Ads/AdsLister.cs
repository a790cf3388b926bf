using System;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Reading;
using PinterestAds.PowerShell.Cmdlets.Ads.Parameters;
using PinterestAds.PowerShell.Paging;

namespace PinterestAds.PowerShell.Ads
{
    /// <summary>
    /// Lists for Get-PinCampaign, Get-PinAdGroup and Get-PinAd: the query from the cmdlet's statuses
    /// and filters, paged as every Get- cmdlet pages (<see cref="PagedLister"/>). The cmdlet makes
    /// one at BeginProcessing and lists once per record.
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
            var paged = new PagedLister(_cmdlet, _cmdlet.Core, _cmdlet.All, _cmdlet.PageSize, _input.OnCommandLine(nameof(GetAdsCmdlet.PageSize)));
            paged.List(_input.ErrorTarget(_cmdlet.AdAccountId), (pageSize, allPages, bridge, ct) =>
            {
                // Ids are read here, so one that is not an id is an error about this record only.
                var query = new AdsListQuery(_input.AdAccountId) { Status = _cmdlet.Status, AllPages = allPages, PageSize = pageSize };
                filter(_input, query);
                return AdsReader.ListAsync(context, _resource, query, bridge, ct);
            },
            AdsOutput.Wrap);
        }
    }
}
