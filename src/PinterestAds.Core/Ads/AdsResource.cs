using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using PinterestAds.Core.Ads.Reconciliation;
using PinterestAds.Core.Ads.Values;

namespace PinterestAds.Core.Ads
{
    /// <summary>
    /// Everything the shared list, batch-write and reconcile machinery needs to know about one of
    /// campaigns, ad groups and ads: paths, query names, operation names and how to read a result.
    /// </summary>
    public sealed class AdsResource<T> : ICandidateRule
        where T : AdsEntity
    {
        private readonly Func<JsonElement, string, string?, T> _parse;

        internal AdsResource(AdsKind kind, string collection, string singular, Func<JsonElement, string, string?, T> parse)
        {
            Kind = kind;
            Collection = collection;
            Singular = singular;
            _parse = parse;
        }

        public AdsKind Kind { get; }

        /// <summary>Path segment below the ad account: campaigns, ad_groups, ads.</summary>
        public string Collection { get; }

        /// <summary>campaign, ad_group, ad.</summary>
        public string Singular { get; }

        /// <summary>For messages: "campaign", "ad group", "ad".</summary>
        public string Noun => Singular.Replace('_', ' ');

        /// <summary>The list filter for this resource's own ids: campaign_ids, ad_group_ids, ad_ids.</summary>
        public string IdsQuery => Singular + "_ids";

        /// <summary>Campaign updates carry ad_account_id in every item (spec CampaignUpdateRequest).</summary>
        public bool UpdateCarriesAdAccountId => Kind == AdsKind.Campaign;

        /// <summary>The field of a create item naming the parent whose children a reconcile lists (null: the whole account).</summary>
        public string? ParentField { get; internal set; }

        /// <summary>Fields a created entity must echo exactly to be taken for the one a lost create made.</summary>
        public IReadOnlyList<string> IdentityFields { get; internal set; } = Array.Empty<string>();

        /// <summary>A listed entity is the one a create item would have made when it echoes the item's identity fields and no other field differs.</summary>
        bool ICandidateRule.Matches(JsonElement sent, JsonElement candidate) => BodyMatcher.Matches(sent, candidate, IdentityFields);

        public string CollectionPath(PinterestId adAccountId) => "ad_accounts/" + adAccountId + "/" + Collection;

        /// <summary>Operation names used in messages, e.g. create_campaign, list_ad_groups.</summary>
        public string Operation(string verb) => verb == "list" ? verb + "_" + Collection : verb + "_" + Singular;

        public T Parse(JsonElement json, string adAccountId, string? currency) => _parse(json, adAccountId, currency);

        /// <summary>An update item that only sets the status (pause, resume, archive).</summary>
        /// <param name="status">One of the spec's entity statuses (PAUSED, ACTIVE, ARCHIVED…), as the status cmdlets give it.</param>
        public JsonObject StatusBody(PinterestId adAccountId, PinterestId id, string status)
        {
            var body = new JsonObject { ["id"] = id.ToString() };
            if (UpdateCarriesAdAccountId)
            {
                body["ad_account_id"] = adAccountId.ToString();
            }

            body["status"] = EnumValues.TryMatch(status, SpecValues.EntityStatuses)
                ?? throw new ArgumentOutOfRangeException(nameof(status), status, "Not one of the spec's entity statuses.");
            return body;
        }
    }

    /// <summary>The three resources.</summary>
    public static class AdsResources
    {
        public static readonly AdsResource<Campaign> Campaigns = new AdsResource<Campaign>(AdsKind.Campaign, "campaigns", "campaign", Campaign.FromJson)
        {
            IdentityFields = new[] { "name", "objective_type" },
        };

        public static readonly AdsResource<AdGroup> AdGroups = new AdsResource<AdGroup>(AdsKind.AdGroup, "ad_groups", "ad_group", AdGroup.FromJson)
        {
            ParentField = "campaign_id",
            IdentityFields = new[] { "name", "campaign_id" },
        };

        public static readonly AdsResource<Ad> Ads = new AdsResource<Ad>(AdsKind.Ad, "ads", "ad", Ad.FromJson)
        {
            ParentField = "ad_group_id",
            IdentityFields = new[] { "ad_group_id", "pin_id" },
        };

        /// <summary>The resource whose entities are <typeparamref name="T"/>.</summary>
        public static AdsResource<T> For<T>()
            where T : AdsEntity =>
            (AdsResource<T>)(typeof(T) == typeof(Campaign) ? Campaigns : typeof(T) == typeof(AdGroup) ? AdGroups : (object)Ads);
    }
}
