using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Http;
using PinterestAds.Core.Session;

namespace PinterestAds.Core.Ads.Reading
{
    /// <summary>Reads ad accounts: <c>GET /ad_accounts</c> and <c>GET /ad_accounts/{id}</c>.</summary>
    public static class AdAccountService
    {
        public static async Task<AdAccount> GetAsync(PinterestAdsContext context, PinterestId id, ICallObserver observer, CancellationToken cancellationToken)
        {
            var request = ApiRequest.Get("ad_accounts/" + id, "get_ad_account").ForAdAccount(id.ToString());
            var response = await context.Pipeline.SendAsync(request, observer, cancellationToken).ConfigureAwait(false);
            return AdAccount.FromJson(response.Json());
        }

        public static async IAsyncEnumerable<AdAccount> ListAsync(PinterestAdsContext context, int pageSize, ICallObserver observer, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var item in context.Pipeline.ListAsync(ApiRequest.Get("ad_accounts", "list_ad_accounts"), pageSize, observer, cancellationToken).ConfigureAwait(false))
            {
                yield return AdAccount.FromJson(item);
            }
        }
    }
}
