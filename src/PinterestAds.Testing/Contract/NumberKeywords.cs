using System.Collections.Generic;
using System.Text.Json;

namespace PinterestAds.Testing.Contract
{
    /// <summary>
    /// Number keywords: <c>format</c> int32/int64 ranges, <c>minimum</c>/<c>maximum</c> (with the boolean
    /// exclusive flags of OpenAPI 3.0, or numeric <c>exclusiveMinimum</c>/<c>exclusiveMaximum</c> alone) and
    /// <c>multipleOf</c>.
    /// </summary>
    internal static class NumberKeywords
    {
        public static void Validate(JsonElement s, JsonElement instance, string pointer, List<ContractViolation> errors, ValidationContext ctx)
        {
            string raw = instance.GetRawText();
            ValidateIntegerFormat(s, instance, raw, pointer, errors, ctx);

            if (s.TryGetNumber("minimum", out JsonElement min))
            {
                bool exclusive = s.IsTrue("exclusiveMinimum");
                int cmp = Compare(instance, min);
                if (cmp < 0 || (exclusive && cmp == 0))
                {
                    errors.Add(ctx.Violation(pointer, "value " + raw + " is less than " + (exclusive ? "or equal to the exclusive " : "the ") + "minimum " + min.GetRawText()));
                }
            }
            else if (s.TryGetNumber("exclusiveMinimum", out JsonElement exMin) && Compare(instance, exMin) <= 0)
            {
                errors.Add(ctx.Violation(pointer, "value " + raw + " must be greater than " + exMin.GetRawText()));
            }

            if (s.TryGetNumber("maximum", out JsonElement max))
            {
                bool exclusive = s.IsTrue("exclusiveMaximum");
                int cmp = Compare(instance, max);
                if (cmp > 0 || (exclusive && cmp == 0))
                {
                    errors.Add(ctx.Violation(pointer, "value " + raw + " is greater than " + (exclusive ? "or equal to the exclusive " : "the ") + "maximum " + max.GetRawText()));
                }
            }
            else if (s.TryGetNumber("exclusiveMaximum", out JsonElement exMax) && Compare(instance, exMax) >= 0)
            {
                errors.Add(ctx.Violation(pointer, "value " + raw + " must be less than " + exMax.GetRawText()));
            }

            if (s.TryGetNumber("multipleOf", out JsonElement mult)
                && instance.TryGetDecimal(out decimal dv) && mult.TryGetDecimal(out decimal dm) && dm != 0m && dv % dm != 0m)
            {
                errors.Add(ctx.Violation(pointer, "value " + raw + " is not a multiple of " + mult.GetRawText()));
            }
        }

        private static void ValidateIntegerFormat(JsonElement s, JsonElement instance, string raw, string pointer, List<ContractViolation> errors, ValidationContext ctx)
        {
            // Only integer literals: whether 1.5 may be sent at all is the type keyword's question.
            if (!s.TryGetString("format", out string format) || !JsonValues.IsIntegerLiteral(raw)) return;
            if (format == "int32" && !instance.TryGetInt32(out _))
            {
                errors.Add(ctx.Violation(pointer, "value " + raw + " is outside the int32 range (-2147483648..2147483647)"));
            }
            else if (format == "int64" && !instance.TryGetInt64(out _))
            {
                errors.Add(ctx.Violation(pointer, "value " + raw + " is outside the int64 range"));
            }
        }

        // Decimal keeps 0.1-style bounds exact; doubles only for values beyond decimal's range.
        private static int Compare(JsonElement a, JsonElement b)
        {
            if (a.TryGetDecimal(out decimal da) && b.TryGetDecimal(out decimal db)) return da.CompareTo(db);
            return a.GetDouble().CompareTo(b.GetDouble());
        }
    }
}
