using System.Text.Json;
using PinterestAds.Core.Ads;
using PinterestAds.Core.Ads.Reconciliation;
using PinterestAds.Core.Http;
using PinterestAds.Core.Json;

namespace PinterestAds.Core.Pins
{
    /// <summary>
    /// How a lost pin create is looked for: among the pins of its board, one with the same title,
    /// link and other fields sent, and media of the same kind (Pinterest hosts images anew, so
    /// addresses cannot be compared; an image, a video, or a carousel of as many images).
    /// </summary>
    internal sealed class PinCreate : IEntityCreate
    {
        private static readonly string[] IdentityFields = { "board_id", "title", "link" };

        public string Noun => "pin";

        public bool Matches(JsonElement sent, JsonElement candidate) =>
            BodyMatcher.Matches(sent, candidate, IdentityFields) && SameMediaKind(sent, candidate);

        public ApiRequest Candidates(ApiRequest create, JsonElement sent) =>
            ApiRequest.Get("boards/" + PinterestId.ParseContentId("board_id", sent.GetStringOrNull("board_id")) + "/pins", "list_board_pins")
                .WithQuery("ad_account_id", create.QueryValue("ad_account_id"));

        public ApiRequest Remove(ApiRequest create, string id) =>
            ApiRequest.Delete("pins/" + PinterestId.ParseContentId("id", id), "delete_pin").WithQuery("ad_account_id", create.QueryValue("ad_account_id"));

        private static bool SameMediaKind(JsonElement sent, JsonElement candidate)
        {
            if (!sent.TryGetProperty("media_source", out var source) || !candidate.TryGetProperty("media", out var media))
            {
                return false;
            }

            string? made = media.GetStringOrNull("media_type");
            switch (source.GetStringOrNull("source_type"))
            {
                case MediaSources.VideoId:
                    return made == "video";
                case MediaSources.ImageUrls:
                case MediaSources.ImagesBase64:
                    return made == "multiple_images" && Count(source, "items") == Count(media, "items");
                default:
                    return made == "image";
            }
        }

        private static int Count(JsonElement json, string name) =>
            json.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? list.GetArrayLength() : -1;
    }
}
