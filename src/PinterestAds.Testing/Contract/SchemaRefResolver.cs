using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace PinterestAds.Testing.Contract
{
    /// <summary>
    /// Resolves local <c>$ref</c>s (<c>#/components/...</c>) in the spec document. Thread-safe: the document is
    /// immutable and resolved references are cached in a concurrent dictionary.
    /// </summary>
    internal sealed class SchemaRefResolver
    {
        // A longer chain is a loop (or a spec nobody could read either).
        private const int MaxHops = 64;

        private readonly JsonElement _root;
        private readonly ConcurrentDictionary<string, JsonElement?> _refs = new ConcurrentDictionary<string, JsonElement?>(StringComparer.Ordinal);

        public SchemaRefResolver(JsonElement root)
        {
            _root = root;
        }

        /// <summary>Resolves a local reference; null when it does not resolve. External references are not supported.</summary>
        public JsonElement? ResolveRef(string reference) => _refs.GetOrAdd(reference, ResolvePointer);

        /// <summary>
        /// Follows a <c>$ref</c> chain to the schema it ends at. <paramref name="refName"/> is the last reference
        /// followed (null when <paramref name="schema"/> is not a reference). Returns false when a reference does
        /// not resolve (<paramref name="refName"/> is that reference) or the chain loops.
        /// </summary>
        public bool TryResolve(JsonElement schema, out JsonElement resolved, out string? refName)
        {
            resolved = schema;
            refName = null;
            for (int hops = 0; hops < MaxHops; hops++)
            {
                if (resolved.ValueKind != JsonValueKind.Object || !resolved.TryGetString("$ref", out string reference))
                {
                    return true;
                }

                refName = reference;
                JsonElement? target = ResolveRef(reference);
                if (target == null) return false;
                resolved = target.Value;
            }

            return false;
        }

        private JsonElement? ResolvePointer(string reference)
        {
            if (reference.Length == 0 || reference[0] != '#') return null;
            string pointer = Uri.UnescapeDataString(reference.Substring(1));
            if (pointer.Length == 0) return _root;
            if (pointer[0] != '/') return null;
            JsonElement current = _root;
            foreach (string raw in pointer.Substring(1).Split('/'))
            {
                string token = JsonPointer.Unescape(raw);
                if (current.ValueKind == JsonValueKind.Object)
                {
                    if (!current.TryGetProperty(token, out current)) return null;
                }
                else if (current.ValueKind == JsonValueKind.Array
                         && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                         && index < current.GetArrayLength())
                {
                    current = current[index];
                }
                else
                {
                    return null;
                }
            }

            return current;
        }
    }
}
