using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PinterestAds.Testing.Contract
{
    /// <summary>
    /// OpenAPI discriminators: the instance's value of <c>discriminator.propertyName</c> selects the schema that
    /// applies, through <c>mapping</c> or, for oneOf/anyOf, the names of the <c>$ref</c> branches.
    /// </summary>
    internal sealed class DiscriminatorResolver(SchemaRefResolver refs)
    {
        private const string SchemasPrefix = "#/components/schemas/";

        /// <summary>
        /// The <c>$ref</c> the instance's discriminator value selects. Returns null when none does, with
        /// <paramref name="problem"/> saying why (the value is missing, not a string or unknown); a discriminator
        /// without <c>propertyName</c> selects nothing and reports nothing.
        /// </summary>
        /// <param name="discriminator">The schema's <c>discriminator</c> object.</param>
        /// <param name="branches">The oneOf/anyOf branches, or null for a discriminator on a plain schema, whose
        /// value may then name any component schema.</param>
        /// <param name="instance">The object being validated.</param>
        /// <param name="pointer">Where the object is.</param>
        /// <param name="ctx">The validation context.</param>
        /// <param name="problem">Why nothing was selected, or null.</param>
        public string? FindTarget(JsonElement discriminator, JsonElement? branches, JsonElement instance, string pointer, ValidationContext ctx, out ContractViolation? problem)
        {
            problem = null;
            if (discriminator.ValueKind != JsonValueKind.Object || !discriminator.TryGetString("propertyName", out string propertyName)) return null;

            bool hasMapping = discriminator.TryGetObject("mapping", out JsonElement mapping);
            List<KeyValuePair<string, string>> candidates = Candidates(hasMapping ? mapping : (JsonElement?)null, branches);
            string Expected() => hasMapping
                ? string.Join(", ", mapping.EnumerateObject().Select(m => m.Name))
                : string.Join(", ", candidates.Select(c => c.Key));

            string childPointer = JsonPointer.Child(pointer, propertyName);
            if (!instance.TryGetProperty(propertyName, out JsonElement value))
            {
                problem = ctx.Violation(childPointer, "discriminator property '" + propertyName + "' is missing; expected one of: " + Expected());
                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                problem = ctx.Violation(childPointer, "discriminator property '" + propertyName + "' must be a string, found " + JsonValues.Describe(value));
                return null;
            }

            string key = value.GetString() ?? string.Empty;
            foreach (var candidate in candidates)
            {
                if (string.Equals(candidate.Key, key, StringComparison.Ordinal)) return candidate.Value;
            }

            if (!hasMapping && branches == null && refs.ResolveRef(SchemasPrefix + key) != null)
            {
                return SchemasPrefix + key;
            }

            problem = ctx.Violation(childPointer, "discriminator value \"" + key + "\" is not one of: " + Expected());
            return null;
        }

        /// <summary>Discriminator value -> <c>$ref</c>: the explicit mapping first, then each <c>$ref</c> branch by its schema name.</summary>
        private static List<KeyValuePair<string, string>> Candidates(JsonElement? mapping, JsonElement? branches)
        {
            var candidates = new List<KeyValuePair<string, string>>();
            if (mapping != null)
            {
                foreach (JsonProperty m in mapping.Value.EnumerateObject())
                {
                    if (m.Value.ValueKind != JsonValueKind.String) continue;
                    string target = m.Value.GetString() ?? string.Empty;
                    // A bare schema name is short for its component reference.
                    if (target.Length > 0 && target[0] != '#') target = SchemasPrefix + target;
                    candidates.Add(new KeyValuePair<string, string>(m.Name, target));
                }
            }

            if (branches != null)
            {
                foreach (JsonElement branch in branches.Value.EnumerateArray())
                {
                    if (branch.ValueKind != JsonValueKind.Object || !branch.TryGetString("$ref", out string reference)) continue;
                    string name = SchemaName(reference);
                    if (!candidates.Any(c => c.Key == name)) candidates.Add(new KeyValuePair<string, string>(name, reference));
                }
            }

            return candidates;
        }

        /// <summary>The last segment of a reference: <c>#/components/schemas/Pet</c> -> <c>Pet</c>.</summary>
        public static string SchemaName(string reference) => reference.Substring(reference.LastIndexOf('/') + 1);
    }
}
