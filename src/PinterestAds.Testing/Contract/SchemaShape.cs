using System.Text.Json;

namespace PinterestAds.Testing.Contract
{
    /// <summary>
    /// Questions about a schema's shape, looking through <c>$ref</c> and compositions: which type it declares,
    /// what its array items are, where a property's schema is. Path, query and form values arrive as strings;
    /// these answers decide which JSON value each string stands for.
    /// </summary>
    internal sealed class SchemaShape(SchemaRefResolver refs)
    {
        // Compositions nest a few levels in practice; the limit stops recursive schemas.
        private const int MaxDepth = 16;
        private static readonly string[] Compositions = { "allOf", "anyOf", "oneOf" };

        /// <summary>The declared type of a schema, the first one found in its compositions otherwise; null when untyped.</summary>
        public string? EffectiveType(JsonElement schema) => EffectiveType(schema, 0);

        /// <summary>The <c>items</c> schema of an array schema (looking through <c>allOf</c>); null when absent.</summary>
        public JsonElement? ItemsSchema(JsonElement schema) => ItemsSchema(schema, 0);

        /// <summary>
        /// The schema of property <paramref name="name"/> anywhere in an object schema: its properties, its
        /// compositions, its discriminator's targets, else its <c>additionalProperties</c> schema; null when none.
        /// </summary>
        public JsonElement? FindPropertySchema(JsonElement schema, string name) => FindPropertySchema(schema, name, 0);

        /// <summary>The effective type of the items of an array schema; null when untyped or not an array.</summary>
        public string? ItemType(JsonElement arraySchema)
        {
            JsonElement? items = ItemsSchema(arraySchema);
            return items == null ? null : EffectiveType(items.Value);
        }

        private string? EffectiveType(JsonElement schema, int depth)
        {
            if (!TryResolveObject(schema, depth, out JsonElement s)) return null;
            if (s.TryGetString("type", out string type)) return type;
            foreach (string keyword in Compositions)
            {
                if (!s.TryGetArray(keyword, out JsonElement branches)) continue;
                foreach (JsonElement branch in branches.EnumerateArray())
                {
                    string? found = EffectiveType(branch, depth + 1);
                    if (found != null) return found;
                }
            }

            return null;
        }

        private JsonElement? ItemsSchema(JsonElement schema, int depth)
        {
            if (!TryResolveObject(schema, depth, out JsonElement s)) return null;
            if (s.TryGetProperty("items", out JsonElement items)) return items;
            if (s.TryGetArray("allOf", out JsonElement allOf))
            {
                foreach (JsonElement branch in allOf.EnumerateArray())
                {
                    JsonElement? found = ItemsSchema(branch, depth + 1);
                    if (found != null) return found;
                }
            }

            return null;
        }

        private JsonElement? FindPropertySchema(JsonElement schema, string name, int depth)
        {
            if (!TryResolveObject(schema, depth, out JsonElement s)) return null;
            if (s.TryGetObject("properties", out JsonElement properties) && properties.TryGetProperty(name, out JsonElement found))
            {
                return found;
            }

            foreach (string keyword in Compositions)
            {
                if (!s.TryGetArray(keyword, out JsonElement branches)) continue;
                foreach (JsonElement branch in branches.EnumerateArray())
                {
                    JsonElement? r = FindPropertySchema(branch, name, depth + 1);
                    if (r != null) return r;
                }
            }

            if (s.TryGetObject("discriminator", out JsonElement discriminator) && discriminator.TryGetObject("mapping", out JsonElement mapping))
            {
                foreach (JsonProperty m in mapping.EnumerateObject())
                {
                    if (m.Value.ValueKind != JsonValueKind.String) continue;
                    JsonElement? target = refs.ResolveRef(m.Value.GetString() ?? string.Empty);
                    if (target == null) continue;
                    JsonElement? r = FindPropertySchema(target.Value, name, depth + 1);
                    if (r != null) return r;
                }
            }

            if (s.TryGetObject("additionalProperties", out JsonElement additional)) return additional;
            return null;
        }

        private bool TryResolveObject(JsonElement schema, int depth, out JsonElement resolved)
        {
            resolved = default;
            return depth <= MaxDepth && refs.TryResolve(schema, out resolved, out _) && resolved.ValueKind == JsonValueKind.Object;
        }
    }
}
