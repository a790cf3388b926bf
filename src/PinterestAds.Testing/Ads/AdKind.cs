using System.Collections.Generic;
using System.Text.Json.Nodes;

namespace PinterestAds.Testing.Ads
{
    /// <summary>Ads (FACTS §6; spec AdCreateRequest / AdResponse). Pins are any digit string for now.</summary>
    internal sealed class AdKind : EntityKind
    {
        public const string CollectionName = "ads";

        private static readonly FieldRules AdRules = new FieldRules()
            .String("ad_group_id", nullable: false, pattern: @"^(AG)?\d+$")
            .String("pin_id", nullable: false, pattern: @"^\d+$")
            .Enum("creative_type", Enums.CreativeType)
            .Enum("status", Enums.EntityStatus)
            .Enum("customizable_cta_type", Enums.CustomizableCtaType, nullable: true)
            .Enum("disclosure_type", Enums.DisclosureType, nullable: true)
            .String("name", maxLength: 255)
            .String("destination_url")
            .String("android_deep_link")
            .String("ios_deep_link")
            .String("click_tracking_url")
            .String("view_tracking_url")
            .String("disclosure_url")
            .String("lead_form_id", pattern: @"^(AG)?\d+$")
            .Boolean("is_pin_deleted", "is_removable")
            .Object("tracking_urls", "quiz_pin_data")
            .Array("carousel_android_deep_links", "carousel_destination_urls", "carousel_ios_deep_links");

        public AdKind()
            : base(CollectionName, "Ad", "ad_id", "pinpromotion", 687195134316, exceptionsAsArray: false)
        {
        }

        public override IReadOnlyList<KeyValuePair<string, string>> ListFilters { get; } = new[]
        {
            new KeyValuePair<string, string>("campaign_ids", "campaign_id"),
            new KeyValuePair<string, string>("ad_group_ids", "ad_group_id"),
            new KeyValuePair<string, string>("ad_ids", "id"),
        };

        protected override FieldRules Rules => AdRules;

        /// <summary>Review is Pinterest's business; grid_click_type is read-only per the spec.</summary>
        protected override IEnumerable<string> ExtraServerFields => new[]
        {
            "campaign_id", "review_status", "rejected_reasons", "rejection_labels", "grid_click_type",
        };

        protected override IEnumerable<KeyValuePair<string, JsonNode?>> Defaults(WriteScope scope) => new[]
        {
            Field("id", null),
            Field("ad_account_id", null),
            Field("ad_group_id", null),
            Field("campaign_id", null),
            Field("pin_id", null),
            Field("name", null),
            Field("status", "ACTIVE"),
            Field("creative_type", null),
            Field("destination_url", null),
            Field("android_deep_link", null),
            Field("ios_deep_link", null),
            Field("carousel_android_deep_links", null),
            Field("carousel_destination_urls", null),
            Field("carousel_ios_deep_links", null),
            Field("click_tracking_url", null),
            Field("view_tracking_url", null),
            Field("tracking_urls", null),
            Field("customizable_cta_type", null),
            Field("disclosure_type", null),
            Field("disclosure_url", null),
            Field("grid_click_type", null),
            Field("is_pin_deleted", false),
            Field("is_removable", false),
            Field("lead_form_id", null),
            Field("quiz_pin_data", null),
            Field("collection_items_destination_url_template", null),
            Field("review_status", "PENDING"),
            Field("rejected_reasons", new JsonArray()),
            Field("rejection_labels", new JsonArray()),
            Field("summary_status", null),
            Field("type", null),
            Field("created_time", null),
            Field("updated_time", null),
        };

        protected override void CheckCreateRequest(JsonObject request, WriteScope scope, ItemErrors errors)
        {
            Require(request, "ad_group_id", errors);
            Require(request, "creative_type", errors);
            Require(request, "pin_id", errors);
            RequireParent(request, "ad_group_id", "AG", AdGroupKind.CollectionName, "Ad group", scope, errors);
        }

        protected override void CheckUpdateRequest(JsonObject request, JsonObject existing, WriteScope scope, ItemErrors errors)
        {
            string? adGroupId = JsonFields.NormalizeId(JsonFields.String(request, "ad_group_id"), "AG");
            if (adGroupId != null && adGroupId != JsonFields.String(existing, "ad_group_id"))
            {
                errors.Invalid("ad_group_id of an ad cannot be changed.");
            }

            string? pinId = JsonFields.String(request, "pin_id");
            if (pinId != null && pinId != JsonFields.String(existing, "pin_id") && JsonFields.String(existing, "status") != "DRAFT")
            {
                errors.Invalid("pin_id can only be changed on DRAFT ads.");
            }
        }

        protected override void Complete(JsonObject entity, JsonObject request, JsonObject? existing, WriteScope scope)
        {
            string? adGroupId = JsonFields.NormalizeId(JsonFields.String(entity, "ad_group_id"), "AG");
            entity["ad_group_id"] = adGroupId;
            JsonObject? adGroup = scope.Find(AdGroupKind.CollectionName, adGroupId);
            if (adGroup != null)
            {
                entity["campaign_id"] = JsonFields.String(adGroup, "campaign_id");
            }
        }

        protected override string SummaryStatus(JsonObject entity, long now)
        {
            string status = JsonFields.String(entity, "status") ?? "ACTIVE";
            if (status != "ACTIVE")
            {
                return status;
            }

            string review = JsonFields.String(entity, "review_status") ?? "PENDING";
            return review == "OTHER" ? "PENDING" : review;
        }
    }
}
