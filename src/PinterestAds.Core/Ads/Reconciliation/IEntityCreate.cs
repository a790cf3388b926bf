using System.Text.Json;
using PinterestAds.Core.Http;

namespace PinterestAds.Core.Ads.Reconciliation
{
    /// <summary>
    /// A create of one entity whose answer is the entity itself (a pin, a board), as
    /// <see cref="EntityCreateReconciler"/> needs it: where such entities are listed, how to tell
    /// the one a sent body made, and how to remove a late duplicate.
    /// </summary>
    internal interface IEntityCreate : ICandidateRule
    {
        /// <summary>The list whose pages hold what <paramref name="create"/> would have made (the pins of its board, the user's boards).</summary>
        ApiRequest Candidates(ApiRequest create, JsonElement sent);

        /// <summary>Removes <paramref name="id"/>, a duplicate an attempt of <paramref name="create"/> made when it landed late.</summary>
        ApiRequest Remove(ApiRequest create, string id);
    }
}
