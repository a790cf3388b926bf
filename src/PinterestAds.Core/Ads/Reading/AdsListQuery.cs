using System;
using System.Collections.Generic;

namespace PinterestAds.Core.Ads.Reading
{
    /// <summary>What to list: an ad account, optional filters, statuses, and how far to page.</summary>
    public sealed class AdsListQuery
    {
        public AdsListQuery(PinterestId adAccountId)
        {
            AdAccountId = adAccountId;
        }

        public PinterestId AdAccountId { get; }

        /// <summary>Ids of the listed resource itself; all statuses are listed for them unless <see cref="Status"/> says otherwise.</summary>
        public IReadOnlyList<PinterestId> Ids { get; set; } = Array.Empty<PinterestId>();

        public IReadOnlyList<PinterestId> CampaignIds { get; set; } = Array.Empty<PinterestId>();

        public IReadOnlyList<PinterestId> AdGroupIds { get; set; } = Array.Empty<PinterestId>();

        /// <summary>
        /// The statuses to list (entity_statuses), named as the -Status parameter that gives them;
        /// null lists what Pinterest lists by default (ACTIVE and PAUSED).
        /// </summary>
        public IReadOnlyList<string>? Status { get; set; }

        /// <summary>page_size, 1 to 250.</summary>
        public int PageSize { get; set; } = 25;

        /// <summary>Follow the bookmark through every page; otherwise one page and a warning when more exist.</summary>
        public bool AllPages { get; set; }

        /// <summary>ASCENDING or DESCENDING by id (higher ids are newer); null leaves Pinterest's order.</summary>
        public string? Order { get; set; }
    }
}
