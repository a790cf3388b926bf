using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PinterestAds.Contract
{
    /// <summary>
    /// Path, query and form values as the JSON values their schemas declare: <c>5</c> is the number 5 where an
    /// integer is declared. A string that does not parse as the declared type stays a string, so the schema then
    /// reports the mismatch.
    /// </summary>
    internal sealed class StringValues(SchemaShape shape)
    {
        /// <summary>One value typed by <paramref name="schema"/>.</summary>
        public JsonNode? Scalar(string value, JsonElement schema) => Typed(value, shape.TypeOf(schema));

        public bool IsArray(JsonElement schema) => shape.TypeOf(schema) == "array";

        /// <summary>An array whose items are typed by the <c>items</c> of <paramref name="arraySchema"/>.</summary>
        public JsonArray Array(IEnumerable<string> items, JsonElement arraySchema)
        {
            JsonElement? itemSchema = shape.ItemsOf(arraySchema);
            string? itemType = itemSchema == null ? null : shape.TypeOf(itemSchema.Value);
            return new JsonArray(items.Select(item => Typed(item, itemType)).ToArray());
        }

        /// <summary>
        /// An object whose members are typed by their property schemas: a member declared as an array takes all its
        /// values, any other its first (the caller reports the extra ones).
        /// </summary>
        public JsonObject Object(IEnumerable<KeyValuePair<string, string[]>> members, JsonElement objectSchema)
        {
            var result = new JsonObject();
            foreach (KeyValuePair<string, string[]> member in members)
            {
                JsonElement? memberSchema = shape.PropertyOf(objectSchema, member.Key);
                if (memberSchema != null && IsArray(memberSchema.Value)) result[member.Key] = Array(member.Value, memberSchema.Value);
                else result[member.Key] = Typed(member.Value[0], memberSchema == null ? null : shape.TypeOf(memberSchema.Value));
            }

            return result;
        }

        private static JsonNode? Typed(string value, string? type) => type switch
        {
            "integer" when JsonLiterals.IsInteger(value) => JsonNode.Parse(value),
            "number" when JsonLiterals.IsNumber(value) => JsonNode.Parse(value),
            "boolean" when value is "true" or "false" => JsonValue.Create(value == "true"),
            _ => JsonValue.Create(value),
        };
    }
}
