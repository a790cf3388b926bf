using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using PinterestAds.Testing.Ads;

namespace PinterestAds.Testing.Analytics
{
    /// <summary>
    /// The attribute columns of a row (ids, names, statuses, caps) read from the ads state. A column
    /// without a value for the entity (an id the fake never created, a field it does not model) is
    /// left out of the row, as the spec allows ("if a column has no value, it may not be returned").
    /// </summary>
    internal sealed class EntityFacts
    {
        private static readonly Dictionary<string, (string Collection, string Field)> Fields = new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["CAMPAIGN_NAME"] = ("campaigns", "name"),
            ["CAMPAIGN_ENTITY_STATUS"] = ("campaigns", "status"),
            ["CAMPAIGN_STATUS"] = ("campaigns", "status"),
            ["CAMPAIGN_OBJECTIVE_TYPE"] = ("campaigns", "objective_type"),
            ["CAMPAIGN_DAILY_SPEND_CAP"] = ("campaigns", "daily_spend_cap"),
            ["CAMPAIGN_LIFETIME_SPEND_CAP"] = ("campaigns", "lifetime_spend_cap"),
            ["AD_GROUP_NAME"] = ("ad_groups", "name"),
            ["AD_GROUP_ENTITY_STATUS"] = ("ad_groups", "status"),
            ["AD_GROUP_STATUS"] = ("ad_groups", "status"),
            ["AD_GROUP_BUDGET_TYPE"] = ("ad_groups", "budget_type"),
            ["AD_NAME"] = ("ads", "name"),
            ["AD_STATUS"] = ("ads", "status"),
            ["PIN_PROMOTION_STATUS"] = ("ads", "status"),
            ["PIN_ID"] = ("ads", "pin_id"),
        };

        private readonly AdsState _state;

        public EntityFacts(AdsState state)
        {
            _state = state;
        }

        /// <summary>True for columns that describe the entity rather than measure it.</summary>
        public static bool IsAttribute(string column) =>
            Fields.ContainsKey(column) || column.EndsWith("_ID", StringComparison.Ordinal) || column.EndsWith("_NAME", StringComparison.Ordinal)
            || column.EndsWith("_STATUS", StringComparison.Ordinal) || column.EndsWith("_TYPE", StringComparison.Ordinal) || column.Contains("_LABEL")
            || column.StartsWith("IS_", StringComparison.Ordinal) || column.EndsWith("_SPEND_CAP", StringComparison.Ordinal) || column.EndsWith("_OPTIMIZATION", StringComparison.Ordinal)
            || column.Contains("BUDGET") || column.EndsWith("_TAG", StringComparison.Ordinal) || column.EndsWith("_MULTIPLIER", StringComparison.Ordinal)
            || column.EndsWith("_TIME", StringComparison.Ordinal) || column == "VIDEO_LENGTH";

        /// <summary>The value of an attribute column for one entity of a level, or null when it has none.</summary>
        public object? Value(string adAccountId, AnalyticsLevel level, string entityId, string column)
        {
            if (column == "AD_ACCOUNT_ID" || column == "ADVERTISER_ID")
            {
                return adAccountId;
            }

            lock (_state.Sync)
            {
                JsonObject? entity = level.Collection == null ? null : _state.Find(adAccountId, level.Collection, entityId);
                switch (column)
                {
                    case "CAMPAIGN_ID":
                        return level.Collection == "campaigns" ? entityId : Field(entity, "campaign_id");
                    case "AD_GROUP_ID":
                        return level.Collection == "ad_groups" ? entityId : Field(entity, "ad_group_id");
                    case "AD_ID":
                    case "PIN_PROMOTION_ID":
                        return level.Collection == "ads" ? entityId : null;
                }

                if (!Fields.TryGetValue(column, out var source))
                {
                    return null;
                }

                // A parent's attribute (CAMPAIGN_NAME on an ad row) comes from the parent entity.
                string? id = source.Collection == level.Collection ? entityId
                    : source.Collection == "campaigns" ? Field(entity, "campaign_id") as string
                    : source.Collection == "ad_groups" ? Field(entity, "ad_group_id") as string
                    : null;
                JsonObject? owner = id == null ? null : _state.Find(adAccountId, source.Collection, id);
                return Field(owner, source.Field);
            }
        }

        private static object? Field(JsonObject? entity, string name)
        {
            if (entity == null || !entity.TryGetPropertyValue(name, out JsonNode? node) || JsonFields.IsNull(node))
            {
                return null;
            }

            return JsonFields.AsLong(node) is long number ? number : (object?)JsonFields.String(entity, name);
        }
    }
}
