using System;
using System.Collections.Generic;

namespace PinterestAds.Core.Ads
{
    /// <summary>What to list: an ad account, optional filters, statuses, and how far to page.</summary>
    public sealed class AdsListQuery
    {
        public AdsListQuery(string adAccountId)
        {
            AdAccountId = adAccountId;
        }

        public string AdAccountId { get; }

        /// <summary>Ids of the listed resource itself; all statuses are listed for them unless <see cref="Statuses"/> says otherwise.</summary>
        public IReadOnlyList<string> Ids { get; set; } = Array.Empty<string>();

        public IReadOnlyList<string> CampaignIds { get; set; } = Array.Empty<string>();

        public IReadOnlyList<string> AdGroupIds { get; set; } = Array.Empty<string>();

        /// <summary>entity_statuses; null lists what Pinterest lists by default (ACTIVE and PAUSED).</summary>
        public IReadOnlyList<string>? Statuses { get; set; }

        /// <summary>page_size, 1 to 250.</summary>
        public int PageSize { get; set; } = 25;

        /// <summary>Follow the bookmark through every page; otherwise one page and a warning when more exist.</summary>
        public bool AllPages { get; set; }

        /// <summary>ASCENDING or DESCENDING by id (higher ids are newer); null leaves Pinterest's order.</summary>
        public string? Order { get; set; }
    }
}
