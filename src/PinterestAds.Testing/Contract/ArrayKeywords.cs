using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PinterestAds.Testing.Contract
{
    /// <summary>Array keywords: <c>minItems</c>/<c>maxItems</c>, <c>uniqueItems</c> and <c>items</c>.</summary>
    internal sealed class ArrayKeywords(SchemaValidator validator)
    {
        public void Validate(JsonElement s, JsonElement instance, string pointer, List<ContractViolation> errors, ValidationContext ctx, int depth)
        {
            int count = instance.GetArrayLength();
            if (s.TryGetInt("minItems", out int minItems) && count < minItems)
            {
                errors.Add(ctx.Violation(pointer, "array has " + count + " item" + (count == 1 ? string.Empty : "s") + "; minItems is " + minItems));
            }

            if (s.TryGetInt("maxItems", out int maxItems) && count > maxItems)
            {
                errors.Add(ctx.Violation(pointer, "array has " + count + " items; maxItems is " + maxItems));
            }

            if (s.IsTrue("uniqueItems")) ReportDuplicates(instance, pointer, errors, ctx);

            if (s.TryGetProperty("items", out JsonElement itemSchema) && (itemSchema.ValueKind == JsonValueKind.Object || itemSchema.ValueKind == JsonValueKind.False))
            {
                int i = 0;
                foreach (JsonElement item in instance.EnumerateArray())
                {
                    validator.Validate(itemSchema, item, JsonPointer.Child(pointer, i), errors, ctx, depth + 1, null);
                    i++;
                }
            }
        }

        /// <summary>Each item equal to an earlier one, pointing at the later item and naming the first match.</summary>
        private static void ReportDuplicates(JsonElement instance, string pointer, List<ContractViolation> errors, ValidationContext ctx)
        {
            var items = instance.EnumerateArray().ToList();
            for (int i = 0; i < items.Count; i++)
            {
                for (int j = 0; j < i; j++)
                {
                    if (JsonValues.JsonEquals(items[i], items[j]))
                    {
                        errors.Add(ctx.Violation(JsonPointer.Child(pointer, i), "duplicate of item " + j + " (uniqueItems)"));
                        break;
                    }
                }
            }
        }
    }
}
