using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace PinterestAds.Testing.Ads
{
    /// <summary>Result of writing one batch item: the stored entity, or the reasons it was refused.</summary>
    internal sealed class ItemOutcome
    {
        private ItemOutcome(JsonObject? entity, ItemErrors? errors)
        {
            Entity = entity;
            Errors = errors;
        }

        public JsonObject? Entity { get; }

        public ItemErrors? Errors { get; }

        public static ItemOutcome Written(JsonObject entity) => new ItemOutcome(entity, null);

        public static ItemOutcome Refused(ItemErrors errors) => new ItemOutcome(null, errors);
    }

    /// <summary>
    /// What differs between campaigns, ad groups and ads. The create/update algorithms live
    /// here once (template methods); each kind supplies its defaults, field rules and the
    /// cross-field rules scripts typically break.
    /// </summary>
    internal abstract class EntityKind
    {
        /// <summary>Fields the server owns; values sent by clients are ignored.</summary>
        private static readonly string[] CommonServerFields = { "id", "ad_account_id", "created_time", "updated_time", "type", "summary_status" };

        protected EntityKind(string collection, string displayName, string idRouteName, string typeName, long firstId, bool exceptionsAsArray)
        {
            Collection = collection;
            DisplayName = displayName;
            IdRouteName = idRouteName;
            TypeName = typeName;
            FirstId = firstId;
            ExceptionsAsArray = exceptionsAsArray;
        }

        /// <summary>Path segment: campaigns, ad_groups, ads.</summary>
        public string Collection { get; }

        /// <summary>For messages: "Campaign", "Ad group", "Ad".</summary>
        public string DisplayName { get; }

        /// <summary>Route parameter of the per-id GET, e.g. campaign_id.</summary>
        public string IdRouteName { get; }

        /// <summary>The response's <c>type</c> field.</summary>
        public string TypeName { get; }

        public long FirstId { get; }

        /// <summary>Campaigns and ad groups report exceptions as an array; ads as one object (spec AdArrayResponseElement).</summary>
        public bool ExceptionsAsArray { get; }

        /// <summary>List query parameters (array of ids) and the entity field each filters on.</summary>
        public abstract IReadOnlyList<KeyValuePair<string, string>> ListFilters { get; }

        protected abstract FieldRules Rules { get; }

        /// <summary>Kind-specific server-owned fields besides id, times, type and summary_status.</summary>
        protected virtual IEnumerable<string> ExtraServerFields => Enumerable.Empty<string>();

        public ItemOutcome Create(JsonNode? item, WriteScope scope)
        {
            if (!(item is JsonObject request))
            {
                return ItemOutcome.Refused(ItemErrors.Single(ItemErrors.InvalidParameter, "Each item must be a JSON object."));
            }

            var errors = new ItemErrors();
            Rules.Check(request, errors);
            CheckCreateRequest(request, scope, errors);
            if (errors.Any)
            {
                return ItemOutcome.Refused(errors);
            }

            // Spec field order first (defaults), then the request on top, then server fields.
            var entity = new JsonObject();
            foreach (var field in Defaults(scope))
            {
                entity[field.Key] = field.Value;
            }

            Overlay(entity, request);
            entity["ad_account_id"] = scope.AdAccountId;
            entity["created_time"] = scope.Now;
            entity["updated_time"] = scope.Now;
            entity["type"] = TypeName;
            Complete(entity, request, null, scope);
            CheckState(entity, request, null, scope, errors);
            if (errors.Any)
            {
                return ItemOutcome.Refused(errors);
            }

            // Ids are taken only for items that are written, so they stay dense and increasing.
            long id = scope.State.NextId(Collection, FirstId);
            entity["id"] = id.ToString(CultureInfo.InvariantCulture);
            scope.State.Table(scope.AdAccountId, Collection)[id] = entity;
            return ItemOutcome.Written(entity);
        }

        public ItemOutcome Update(JsonNode? item, WriteScope scope)
        {
            if (!(item is JsonObject request))
            {
                return ItemOutcome.Refused(ItemErrors.Single(ItemErrors.InvalidParameter, "Each item must be a JSON object."));
            }

            string id = JsonFields.String(request, "id") ?? string.Empty;
            if (id.Length == 0 || !id.All(c => c >= '0' && c <= '9'))
            {
                return ItemOutcome.Refused(ItemErrors.Single(ItemErrors.InvalidParameter, "Invalid parameter 'id': every update item needs the " + DisplayName.ToLowerInvariant() + " id as a digit string."));
            }

            JsonObject? existing = scope.Find(Collection, id);
            if (existing == null)
            {
                return ItemOutcome.Refused(ItemErrors.Single(ItemErrors.NotFound, NotFoundMessage(DisplayName, id, scope)));
            }

            var errors = new ItemErrors();
            Rules.Check(request, errors);
            CheckUpdateRequest(request, existing, scope, errors);
            CheckArchived(request, existing, id, errors);
            if (errors.Any)
            {
                return ItemOutcome.Refused(errors);
            }

            var merged = (JsonObject)existing.DeepClone();
            Overlay(merged, request);
            Complete(merged, request, existing, scope);
            CheckState(merged, request, existing, scope, errors);
            if (errors.Any)
            {
                return ItemOutcome.Refused(errors);
            }

            merged["updated_time"] = scope.Now;
            scope.State.Table(scope.AdAccountId, Collection)[long.Parse(id, CultureInfo.InvariantCulture)] = merged;
            return ItemOutcome.Written(merged);
        }

        /// <summary>A copy for a response, with <c>summary_status</c> derived at read time (it depends on the clock).</summary>
        public JsonObject Render(JsonObject stored, long now)
        {
            var copy = (JsonObject)stored.DeepClone();
            copy["summary_status"] = SummaryStatus(copy, now);
            return copy;
        }

        /// <summary>Ordered defaults for every response field of the spec schema.</summary>
        protected abstract IEnumerable<KeyValuePair<string, JsonNode?>> Defaults(WriteScope scope);

        /// <summary>Required fields and references (parents exist) on create.</summary>
        protected abstract void CheckCreateRequest(JsonObject request, WriteScope scope, ItemErrors errors);

        /// <summary>Update-only rules (immutable fields, DRAFT-only changes).</summary>
        protected virtual void CheckUpdateRequest(JsonObject request, JsonObject existing, WriteScope scope, ItemErrors errors)
        {
        }

        /// <summary>Derive server-side fields after the request is applied (normalised ids, parent ids, defaults that depend on the parent).</summary>
        protected virtual void Complete(JsonObject entity, JsonObject request, JsonObject? existing, WriteScope scope)
        {
        }

        /// <summary>Cross-field rules on the resulting entity (<paramref name="existing"/> is null on create).</summary>
        protected virtual void CheckState(JsonObject entity, JsonObject request, JsonObject? existing, WriteScope scope, ItemErrors errors)
        {
        }

        protected abstract string SummaryStatus(JsonObject entity, long now);

        /// <summary>Shared by campaigns and ad groups: status plus schedule.</summary>
        protected static string ScheduledSummaryStatus(JsonObject entity, long now)
        {
            string status = JsonFields.String(entity, "status") ?? "ACTIVE";
            if (status != "ACTIVE")
            {
                return status;
            }

            long? start = JsonFields.Long(entity, "start_time");
            long? end = JsonFields.Long(entity, "end_time");
            if (end.HasValue && end.Value <= now)
            {
                return "COMPLETED";
            }

            return start.HasValue && start.Value > now ? "NOT_STARTED" : "RUNNING";
        }

        protected static void CheckSchedule(JsonObject entity, ItemErrors errors)
        {
            long? start = JsonFields.Long(entity, "start_time");
            long? end = JsonFields.Long(entity, "end_time");
            if (start.HasValue && end.HasValue && end.Value <= start.Value)
            {
                errors.Invalid("end_time (" + end + ") must be after start_time (" + start + ").");
            }
        }

        protected static void Require(JsonObject request, string field, ItemErrors errors)
        {
            if (!request.TryGetPropertyValue(field, out JsonNode? node) || JsonFields.IsNull(node)
                || (node is JsonValue v && v.TryGetValue(out string? s) && s.Length == 0))
            {
                errors.Invalid("Missing required parameter '" + field + "'.");
            }
        }

        /// <summary>
        /// The parent a create names in <paramref name="field"/> (its id with or without the spec's
        /// <paramref name="prefix"/>) must exist in the ad account's <paramref name="parentCollection"/>.
        /// </summary>
        protected static void RequireParent(JsonObject request, string field, string prefix, string parentCollection, string parentName, WriteScope scope, ItemErrors errors)
        {
            string? parentId = JsonFields.NormalizeId(JsonFields.String(request, field), prefix);
            if (!string.IsNullOrEmpty(parentId) && scope.Find(parentCollection, parentId) == null)
            {
                errors.Add(ItemErrors.NotFound, NotFoundMessage(parentName, parentId!, scope));
            }
        }

        protected static KeyValuePair<string, JsonNode?> Field(string name, JsonNode? value) => new KeyValuePair<string, JsonNode?>(name, value);

        private static string NotFoundMessage(string displayName, string id, WriteScope scope) => displayName + " " + id + " not found in ad account " + scope.AdAccountId + ".";

        private void Overlay(JsonObject entity, JsonObject request)
        {
            var serverFields = new HashSet<string>(CommonServerFields.Concat(ExtraServerFields), StringComparer.Ordinal);
            foreach (var property in request)
            {
                if (!serverFields.Contains(property.Key))
                {
                    entity[property.Key] = property.Value?.DeepClone();
                }
            }
        }

        /// <summary>Archived entities stay archived and frozen; re-archiving is a harmless no-op.</summary>
        private void CheckArchived(JsonObject request, JsonObject existing, string id, ItemErrors errors)
        {
            if (JsonFields.String(existing, "status") != "ARCHIVED")
            {
                return;
            }

            if (request.TryGetPropertyValue("status", out JsonNode? status) && JsonFields.String(request, "status") != "ARCHIVED")
            {
                errors.Invalid(DisplayName + " " + id + " is ARCHIVED and cannot be un-archived (requested status " + (status?.ToJsonString() ?? "null") + ").");
                return;
            }

            foreach (var property in request)
            {
                if (property.Key == "id" || property.Key == "ad_account_id" || property.Key == "status")
                {
                    continue;
                }

                existing.TryGetPropertyValue(property.Key, out JsonNode? current);
                if (!JsonNode.DeepEquals(current, property.Value))
                {
                    errors.Invalid(DisplayName + " " + id + " is ARCHIVED and cannot be modified ('" + property.Key + "').");
                    return;
                }
            }
        }
    }
}
