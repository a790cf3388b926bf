using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace PinterestAds.Contract.OpenApi30
{
    /// <summary>
    /// An OpenAPI <c>discriminator</c> as JSON Schema: for each value, "if the property has this value, then the mapped
    /// schema applies". With oneOf/anyOf the alternatives give way to that dispatch and the value must be one of the
    /// names; on a plain schema (Pinterest's OauthAccessTokenRequest) the schema's own keywords judge the value.
    /// </summary>
    internal static class DiscriminatorDispatch
    {
        private const string SchemasPrefix = "#/components/schemas/";

        /// <summary>Replaces the <c>discriminator</c> of a translated schema, if it has one, by its dispatch.</summary>
        /// <param name="schema">The translated schema, changed in place.</param>
        /// <param name="reference">Makes a local reference absolute.</param>
        public static void Apply(JsonObject schema, Func<string, JsonObject> reference)
        {
            if (schema["discriminator"] is not JsonObject discriminator) return;
            schema.Remove("discriminator");
            if ((string?)discriminator["propertyName"] is not string property) return;

            JsonArray? alternatives = (schema["oneOf"] ?? schema["anyOf"]) as JsonArray;
            List<KeyValuePair<string, string>> targets = Targets(discriminator["mapping"] as JsonObject, alternatives);
            var dispatch = new List<JsonNode>();
            if (alternatives != null)
            {
                schema.Remove("oneOf");
                schema.Remove("anyOf");
                dispatch.Add(new JsonObject
                {
                    ["required"] = new JsonArray(property),
                    ["properties"] = new JsonObject { [property] = new JsonObject { ["enum"] = new JsonArray(targets.Select(t => (JsonNode)t.Key).ToArray()) } },
                });
            }

            foreach (KeyValuePair<string, string> target in targets)
            {
                dispatch.Add(new JsonObject
                {
                    ["if"] = new JsonObject
                    {
                        ["required"] = new JsonArray(property),
                        ["properties"] = new JsonObject { [property] = new JsonObject { ["const"] = target.Key } },
                    },
                    ["then"] = reference(target.Value),
                });
            }

            JsonArray allOf = schema["allOf"] as JsonArray ?? new JsonArray();
            foreach (JsonNode branch in dispatch) allOf.Add(branch);
            schema["allOf"] = allOf;
        }

        /// <summary>Discriminator value -> local reference: the mapping first, then each <c>$ref</c> alternative by its schema name.</summary>
        private static List<KeyValuePair<string, string>> Targets(JsonObject? mapping, JsonArray? alternatives)
        {
            var targets = new List<KeyValuePair<string, string>>();
            foreach (KeyValuePair<string, JsonNode?> entry in mapping ?? new JsonObject())
            {
                string target = (string?)entry.Value ?? string.Empty;
                // A bare schema name is short for its component reference.
                targets.Add(new KeyValuePair<string, string>(entry.Key, target.StartsWith("#", StringComparison.Ordinal) ? target : SchemasPrefix + target));
            }

            foreach (JsonObject branch in (alternatives ?? new JsonArray()).OfType<JsonObject>())
            {
                // Translated alternatives hold absolute references; a schema the mapping does not reach goes by its name.
                string? reference = (string?)branch["$ref"];
                if (reference == null) continue;
                string name = reference.Substring(reference.LastIndexOf('/') + 1);
                if (targets.All(t => t.Key != name && t.Value != SchemasPrefix + name)) targets.Add(new KeyValuePair<string, string>(name, SchemasPrefix + name));
            }

            return targets;
        }
    }
}
