using System.Text.Json;
using PinterestAds.Core.Ads.Reconciliation;
using PinterestAds.Core.Http;
using PinterestAds.Core.Json;

namespace PinterestAds.Core.Boards
{
    /// <summary>How a lost board create is looked for: among the user's boards, by name (an ad-only board is always "Ad-only Pins").</summary>
    internal sealed class BoardCreate : IEntityCreate
    {
        private static readonly string[] IdentityFields = { "name" };

        public string Noun => "board";

        public bool Matches(JsonElement sent, JsonElement candidate) =>
            sent.GetBooleanOrNull("is_ads_only") == true
                ? candidate.GetBooleanOrNull("is_ads_only") == true
                : BodyMatcher.Matches(sent, candidate, IdentityFields);

        public ApiRequest Candidates(ApiRequest create, JsonElement sent) =>
            ApiRequest.Get("boards", "list_boards").WithQuery("ad_account_id", create.QueryValue("ad_account_id"));

        public ApiRequest Remove(ApiRequest create, string id) =>
            ApiRequest.Delete("boards/" + Ads.PinterestId.ParseContentId("id", id), "delete_board").WithQuery("ad_account_id", create.QueryValue("ad_account_id"));
    }
}
