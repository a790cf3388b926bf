using System.Text.Json.Nodes;
using PinterestAds.Testing.Http;
using PinterestAds.Testing.Json;
using PinterestAds.Testing.OAuth;
using PinterestAds.Testing.Routing;

namespace PinterestAds.Testing.Ads
{
    /// <summary><c>GET /v5/ad_accounts</c> (paged) and <c>GET /v5/ad_accounts/{id}</c>. FACTS §3.</summary>
    internal sealed class AdAccountEndpoints : IEndpointModule
    {
        private readonly AdsState _state;

        public AdAccountEndpoints(AdsState state)
        {
            _state = state;
        }

        public void Map(Router router)
        {
            router.Map("GET", "/v5/ad_accounts", RouteSecurity.Bearer(OAuthScopes.AdsRead), List);
            router.Map("GET", "/v5/ad_accounts/{ad_account_id}", RouteSecurity.Bearer(OAuthScopes.AdsRead), Get);
        }

        /// <summary>Throws the API's 404 when the account does not exist (shared by the entity endpoints).</summary>
        public static AdAccountRecord Require(AdsState state, string adAccountId) =>
            state.FindAccount(adAccountId) ?? throw new ApiErrorException(404, 404, "Ad account not found: " + adAccountId);

        private HttpResponseData List(RequestContext context) =>
            ApiResults.Json(200, Paging.PageOf(context.Query, _state.Accounts(), a => a.NumericId, a => a.ToJson()));

        private HttpResponseData Get(RequestContext context) =>
            ApiResults.Json(200, Require(_state, context.Route("ad_account_id")).ToJson());
    }
}
