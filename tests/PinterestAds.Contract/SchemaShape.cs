using System.Linq;
using System.Text.Json;

namespace PinterestAds.Contract
{
    /// <summary>
    /// What a translated schema declares, looking through references, compositions and nullable wrappers. Path,
    /// query and form values arrive as strings; these answers decide which JSON value each string stands for.
    /// </summary>
    internal sealed class SchemaShape(SpecDocument spec)
    {
        // Compositions nest a few levels in practice; the limit stops recursive schemas.
        private const int MaxDepth = 16;

        // Where a schema's own type or properties can be: its compositions, a nullable wrapper's "else", a discriminator's "then".
        private static readonly string[] Nested = { "allOf", "anyOf", "else", "then" };

        /// <summary>The declared type (never <c>null</c>); null when untyped.</summary>
        public string? TypeOf(JsonElement schema) => Find(schema, s => s.TryGetProperty("type", out JsonElement t) && t.ValueKind == JsonValueKind.String && t.GetString() != "null" ? t.GetString() : null, 0);

        /// <summary>The <c>items</c> schema of an array schema.</summary>
        public JsonElement? ItemsOf(JsonElement schema) => Find<JsonElement?>(schema, s => s.TryGetProperty("items", out JsonElement items) ? items : null, 0);

        /// <summary>The schema of property <paramref name="name"/>, else of the additional properties; null when neither is declared.</summary>
        public JsonElement? PropertyOf(JsonElement schema, string name)
            => Find<JsonElement?>(schema, s => s.TryGetProperty("properties", out JsonElement p) && p.ValueKind == JsonValueKind.Object && p.TryGetProperty(name, out JsonElement found) ? found : null, 0)
               ?? Find<JsonElement?>(schema, s => s.TryGetProperty("additionalProperties", out JsonElement a) && a.ValueKind == JsonValueKind.Object ? a : null, 0);

        private T? Find<T>(JsonElement schema, System.Func<JsonElement, T?> read, int depth)
        {
            JsonElement s = spec.Dereference(schema);
            if (depth > MaxDepth || s.ValueKind != JsonValueKind.Object) return default;
            T? found = read(s);
            if (found != null) return found;
            foreach (JsonElement nested in Nested.SelectMany(keyword => Children(s, keyword)))
            {
                found = Find(nested, read, depth + 1);
                if (found != null) return found;
            }

            return default;
        }

        private static JsonElement[] Children(JsonElement schema, string keyword)
        {
            if (!schema.TryGetProperty(keyword, out JsonElement value)) return System.Array.Empty<JsonElement>();
            return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToArray() : new[] { value };
        }
    }
}
