using System.Text.Json.Nodes;
using PinterestAds.Testing.Http;
using PinterestAds.Testing.Json;
using PinterestAds.Testing.OAuth;
using PinterestAds.Testing.Routing;

namespace PinterestAds.Testing.Ads
{
    /// <summary><c>GET /v5/user_account</c>: who the token belongs to (the default user).</summary>
    internal sealed class UserAccountEndpoints : IEndpointModule
    {
        public void Map(Router router) =>
            router.Map("GET", "/v5/user_account", RouteSecurity.Bearer(OAuthScopes.UserAccountsRead), Get);

        private static HttpResponseData Get(RequestContext context) => ApiResults.Json(200, new JsonObject
        {
            ["account_type"] = "BUSINESS",
            ["id"] = DefaultUser.Id,
            ["username"] = DefaultUser.Username,
            ["business_name"] = DefaultUser.BusinessName,
            ["profile_image"] = null,
            ["website_url"] = null,
            ["board_count"] = 0,
            ["pin_count"] = 0,
            ["follower_count"] = 0,
            ["following_count"] = 0,
            ["monthly_views"] = 0,
        });
    }
}
