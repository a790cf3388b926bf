using System.Text.Json.Nodes;
using PinterestAds.Core.Ads.Inputs;

namespace PinterestAds.Core.Boards
{
    /// <summary>The body of <c>POST /boards</c> (spec <c>BoardCreate</c>), every value checked first.</summary>
    public static class BoardRequests
    {
        public static readonly string[] Privacies = { "PUBLIC", "PROTECTED", "SECRET" };

        public static JsonObject Create(IBoardFields fields)
        {
            var body = new BodyBuilder();
            body.Require(nameof(fields.Name), !string.IsNullOrWhiteSpace(fields.Name), "create a board");
            if (fields.AdsOnly == true && fields.Privacy != null && !string.Equals(fields.Privacy.Trim(), "PROTECTED", System.StringComparison.OrdinalIgnoreCase))
            {
                throw Errors.PinterestAdsException.InvalidArgument(nameof(fields.Privacy), $"an ad-only board (-{nameof(fields.AdsOnly)}) is always PROTECTED; leave -{nameof(fields.Privacy)} out.", fields.Privacy);
            }

            return body
                .Text("name", nameof(fields.Name), fields.Name)
                .Text("description", nameof(fields.Description), fields.Description)
                .Enum("privacy", nameof(fields.Privacy), fields.Privacy, Privacies)
                .Flag("is_ads_only", fields.AdsOnly)
                .Body;
        }
    }
}
