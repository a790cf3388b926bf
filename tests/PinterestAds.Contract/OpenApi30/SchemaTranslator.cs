using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace PinterestAds.Contract.OpenApi30
{
    /// <summary>
    /// Rewrites the OpenAPI 3.0 Schema Objects of a spec, in place, into the JSON Schema 2020-12 that JsonSchema.Net
    /// evaluates. Only the differences are touched; every other keyword means the same in both:
    /// <list type="bullet">
    /// <item><c>$ref</c> replaces its whole object (3.0 ignores siblings) and becomes absolute, so any schema of
    /// the spec can be built on its own against the registered document.</item>
    /// <item><c>nullable: true</c> (or an enum listing null) admits null outright, even where an <c>allOf</c>
    /// branch does not: Pinterest writes nullable references as <c>{allOf: [{$ref}], nullable: true}</c>. Written
    /// as if/else so a non-null value reports its own schema's violations.</item>
    /// <item>Boolean <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> become the numeric 2020-12 form.</item>
    /// <item><c>discriminator</c>: the property's value selects the mapped schema (see <see cref="DiscriminatorDispatch"/>).</item>
    /// <item><c>oneOf</c> without a discriminator becomes <c>anyOf</c>: several of Pinterest's oneOfs have overlapping
    /// branches (AdPreviewRequest's objects without required keys, product group requests where one branch is a
    /// superset), so "exactly one" would reject valid requests.</item>
    /// <item>A <c>readOnly</c> property is not required in a request (sending it is refused by
    /// <see cref="RequestReadOnlyKeyword"/>).</item>
    /// </list>
    /// Response schemas are left as they are: requests never reach them.
    /// </summary>
    internal sealed class SchemaTranslator
    {
        private const string SchemasPrefix = "#/components/schemas/";
        private readonly JsonObject _spec;
        private readonly string _specUri;

        private SchemaTranslator(JsonObject spec, string specUri)
        {
            _spec = spec;
            _specUri = specUri;
        }

        /// <summary>Translates, in place, every schema a request is validated against; JSON pointers into the spec stay valid.</summary>
        /// <param name="spec">The whole OpenAPI document.</param>
        /// <param name="specUri">The URI the document is registered under; local references are made absolute against it.</param>
        public static void TranslateRequestSchemas(JsonObject spec, string specUri)
        {
            var translator = new SchemaTranslator(spec, specUri);
            JsonObject? components = spec["components"] as JsonObject;
            translator.TranslateEach(components?["schemas"] as JsonObject);
            translator.TranslateParameters(Values(components?["parameters"]));
            foreach (JsonNode? requestBody in Values(components?["requestBodies"])) translator.TranslateContent(requestBody);

            foreach (JsonNode? pathItem in Values(spec["paths"]))
            {
                translator.TranslateParameters((pathItem?["parameters"] as JsonArray) ?? Enumerable.Empty<JsonNode?>());
                foreach (JsonNode? operation in Values(pathItem).OfType<JsonObject>())
                {
                    translator.TranslateParameters((operation["parameters"] as JsonArray) ?? Enumerable.Empty<JsonNode?>());
                    translator.TranslateContent(operation["requestBody"]);
                }
            }
        }

        private static IEnumerable<JsonNode?> Values(JsonNode? map) => (map as JsonObject)?.Select(p => p.Value) ?? Enumerable.Empty<JsonNode?>();

        private void TranslateParameters(IEnumerable<JsonNode?> parameters)
        {
            foreach (JsonObject parameter in parameters.OfType<JsonObject>().ToList())
            {
                TranslateSlot(parameter, "schema");
            }
        }

        private void TranslateContent(JsonNode? requestBody)
        {
            foreach (JsonObject mediaType in Values(requestBody?["content"]).OfType<JsonObject>())
            {
                TranslateSlot(mediaType, "schema");
            }
        }

        private void TranslateEach(JsonObject? schemas)
        {
            if (schemas == null) return;
            foreach (string name in schemas.Select(p => p.Key).ToList()) TranslateSlot(schemas, name);
        }

        private void TranslateSlot(JsonObject owner, string key)
        {
            if (owner.TryGetPropertyValue(key, out JsonNode? schema)) owner[key] = Translate(schema);
        }

        /// <summary>A translated copy of one schema and everything nested in it.</summary>
        private JsonNode? Translate(JsonNode? node)
        {
            if (node is not JsonObject source) return node?.DeepClone();
            if (source.TryGetPropertyValue("$ref", out JsonNode? reference)) return Reference((string?)reference ?? string.Empty);

            var schema = new JsonObject();
            foreach (KeyValuePair<string, JsonNode?> keyword in source)
            {
                schema[keyword.Key] = keyword.Key switch
                {
                    "properties" => TranslateMap(keyword.Value),
                    "items" or "additionalProperties" or "not" => Translate(keyword.Value),
                    "allOf" or "anyOf" or "oneOf" => new JsonArray(((keyword.Value as JsonArray) ?? new JsonArray()).Select(Translate).ToArray()),
                    _ => keyword.Value?.DeepClone(),
                };
            }

            ExclusiveBound(schema, "exclusiveMinimum", "minimum");
            ExclusiveBound(schema, "exclusiveMaximum", "maximum");
            DiscriminatorDispatch.Apply(schema, Reference);
            if (schema["oneOf"] is JsonArray oneOf)
            {
                schema.Remove("oneOf");
                schema["anyOf"] = oneOf;
            }

            DropReadOnlyFromRequired(schema, source);
            return Nullable(schema);
        }

        private JsonObject TranslateMap(JsonNode? map)
        {
            var translated = new JsonObject();
            foreach (KeyValuePair<string, JsonNode?> entry in (map as JsonObject) ?? new JsonObject()) translated[entry.Key] = Translate(entry.Value);
            return translated;
        }

        /// <summary>A reference made absolute against the registered document.</summary>
        private JsonObject Reference(string target) => new JsonObject { ["$ref"] = target.StartsWith("#", System.StringComparison.Ordinal) ? _specUri + target : target };

        private static void ExclusiveBound(JsonObject schema, string exclusive, string bound)
        {
            if (schema[exclusive] is not JsonValue flag || !flag.TryGetValue(out bool isExclusive)) return;
            schema.Remove(exclusive);
            if (isExclusive && schema[bound] is JsonNode limit)
            {
                schema.Remove(bound);
                schema[exclusive] = limit;
            }
        }

        private void DropReadOnlyFromRequired(JsonObject schema, JsonObject source)
        {
            if (schema["required"] is not JsonArray required || source["properties"] is not JsonObject properties) return;
            string[] kept = required.Select(r => (string?)r ?? string.Empty).Where(name => !IsReadOnly(properties[name])).ToArray();
            if (kept.Length != required.Count) schema["required"] = new JsonArray(kept.Select(k => (JsonNode)k).ToArray());
        }

        private bool IsReadOnly(JsonNode? property)
        {
            if (property is JsonObject inline && (string?)inline["$ref"] is string reference && reference.StartsWith(SchemasPrefix, System.StringComparison.Ordinal))
            {
                property = _spec["components"]?["schemas"]?[reference.Substring(SchemasPrefix.Length)];
            }

            return property?["readOnly"] is JsonValue flag && flag.TryGetValue(out bool readOnly) && readOnly;
        }

        /// <summary>A nullable schema as "null, or else the schema"; <c>readOnly</c> stays outside so a null is refused in a request too.</summary>
        private static JsonObject Nullable(JsonObject schema)
        {
            bool nullable = schema["nullable"] is JsonValue flag && flag.TryGetValue(out bool isNullable) && isNullable;
            schema.Remove("nullable");
            bool enumListsNull = schema["enum"] is JsonArray values && values.Any(v => v == null);
            if (!nullable && !enumListsNull) return schema;

            var wrapper = new JsonObject();
            if (schema.TryGetPropertyValue("readOnly", out JsonNode? readOnly))
            {
                schema.Remove("readOnly");
                wrapper["readOnly"] = readOnly;
            }

            wrapper["if"] = new JsonObject { ["type"] = "null" };
            wrapper["then"] = true;
            wrapper["else"] = schema;
            return wrapper;
        }
    }
}
