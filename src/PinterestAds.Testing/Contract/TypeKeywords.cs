using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PinterestAds.Testing.Contract
{
    /// <summary>The keywords that decide which JSON values a schema admits at all: <c>nullable</c>, <c>type</c>, <c>enum</c>.</summary>
    internal static class TypeKeywords
    {
        // Long enums (country codes, metrics) are cut in messages.
        private const int MaxEnumValuesShown = 40;

        /// <summary>
        /// Checks null, type and enum. Returns false when no further keyword of this schema applies: a null the
        /// schema accepts (<c>nullable: true</c>, or an enum listing null) or rejects, or a value of the wrong type.
        /// </summary>
        public static bool Validate(JsonElement s, JsonElement instance, string pointer, List<ContractViolation> errors, ValidationContext ctx)
        {
            bool hasType = s.TryGetString("type", out string type);
            if (instance.ValueKind == JsonValueKind.Null)
            {
                // nullable wins even over a non-nullable allOf branch: Pinterest writes nullable refs as
                // {allOf: [{$ref}], nullable: true}.
                if (s.IsTrue("nullable") || EnumContainsNull(s)) return false;
                if (hasType)
                {
                    errors.Add(ctx.Violation(pointer, "null is not allowed (expected " + type + "; the schema is not nullable)"));
                    return false;
                }
            }

            if (hasType && !TypeMatches(type, instance))
            {
                errors.Add(ctx.Violation(pointer, TypeMismatchMessage(type, instance)));
                return false;
            }

            if (s.TryGetArray("enum", out JsonElement allowed) && !allowed.EnumerateArray().Any(candidate => JsonValues.JsonEquals(candidate, instance)))
            {
                errors.Add(ctx.Violation(pointer, "value " + JsonValues.Short(instance) + " is not one of the allowed values: " + ListEnum(allowed)));
            }

            return true;
        }

        private static bool TypeMatches(string type, JsonElement v)
        {
            switch (type)
            {
                case "object": return v.ValueKind == JsonValueKind.Object;
                case "array": return v.ValueKind == JsonValueKind.Array;
                case "string": return v.ValueKind == JsonValueKind.String;
                case "boolean": return v.ValueKind == JsonValueKind.True || v.ValueKind == JsonValueKind.False;
                case "number": return v.ValueKind == JsonValueKind.Number;
                case "integer": return v.ValueKind == JsonValueKind.Number && JsonValues.IsIntegerLiteral(v.GetRawText());
                default: return true;
            }
        }

        private static string TypeMismatchMessage(string type, JsonElement v)
        {
            if (type == "integer" && v.ValueKind == JsonValueKind.Number)
            {
                return "expected an integer literal but found " + v.GetRawText() + " (fractions/exponents are not integers)";
            }

            return "expected " + type + " but found " + JsonValues.Describe(v);
        }

        private static bool EnumContainsNull(JsonElement s)
            => s.TryGetArray("enum", out JsonElement values) && values.EnumerateArray().Any(x => x.ValueKind == JsonValueKind.Null);

        private static string ListEnum(JsonElement values)
        {
            var names = values.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? string.Empty : e.GetRawText()).ToList();
            string shown = string.Join(", ", names.Take(MaxEnumValuesShown));
            return names.Count > MaxEnumValuesShown ? shown + ", ... (" + (names.Count - MaxEnumValuesShown) + " more)" : shown;
        }
    }
}
