using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PinterestAds.Testing.Contract
{
    /// <summary>
    /// String keywords: <c>minLength</c>/<c>maxLength</c> (counted in code points, as JSON Schema does),
    /// <c>pattern</c> (an ECMA-262 regex, see <see cref="EcmaRegex"/>) and the <c>date</c>/<c>date-time</c> formats.
    /// Other formats are not checked.
    /// </summary>
    internal static class StringKeywords
    {
        private static readonly Regex DateRegex = new Regex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}\z", RegexOptions.CultureInvariant);
        private static readonly Regex DateTimeRegex = new Regex(
            @"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})\z",
            RegexOptions.CultureInvariant);

        public static void Validate(JsonElement s, string value, string pointer, List<ContractViolation> errors, ValidationContext ctx)
        {
            ValidateLength(s, value, pointer, errors, ctx);
            if (s.TryGetString("pattern", out string pattern)) ValidatePattern(pattern, value, pointer, errors, ctx);
            if (s.TryGetString("format", out string format)) ValidateFormat(format, value, pointer, errors, ctx);
        }

        private static void ValidateLength(JsonElement s, string value, string pointer, List<ContractViolation> errors, ValidationContext ctx)
        {
            int length = -1; // counted only when a length keyword is present
            if (s.TryGetInt("minLength", out int minLength))
            {
                length = CodePointLength(value);
                if (length < minLength) errors.Add(ctx.Violation(pointer, "string is " + length + " characters long; minLength is " + minLength));
            }

            if (s.TryGetInt("maxLength", out int maxLength))
            {
                if (length < 0) length = CodePointLength(value);
                if (length > maxLength) errors.Add(ctx.Violation(pointer, "string is " + length + " characters long; maxLength is " + maxLength));
            }
        }

        private static void ValidatePattern(string pattern, string value, string pointer, List<ContractViolation> errors, ValidationContext ctx)
        {
            try
            {
                if (!EcmaRegex.Get(pattern).IsMatch(value))
                {
                    errors.Add(ctx.Violation(pointer, "value " + JsonValues.Quote(value) + " does not match pattern " + pattern));
                }
            }
            catch (RegexMatchTimeoutException)
            {
                errors.Add(ctx.Violation(pointer, "pattern " + pattern + " timed out on value " + JsonValues.Quote(value)));
            }
            catch (ArgumentException ex)
            {
                errors.Add(ctx.Violation(pointer, "(spec problem) pattern " + pattern + " is not a usable regex: " + ex.Message));
            }
        }

        private static void ValidateFormat(string format, string value, string pointer, List<ContractViolation> errors, ValidationContext ctx)
        {
            // The regexes pin the RFC 3339 shape; the parsers reject impossible dates such as 2024-02-30.
            if (format == "date")
            {
                if (!DateRegex.IsMatch(value) || !DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    errors.Add(ctx.Violation(pointer, "value " + JsonValues.Quote(value) + " is not a valid date (format: date, YYYY-MM-DD)"));
                }
            }
            else if (format == "date-time")
            {
                if (!DateTimeRegex.IsMatch(value) || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    errors.Add(ctx.Violation(pointer, "value " + JsonValues.Quote(value) + " is not a valid RFC 3339 date-time (format: date-time)"));
                }
            }
        }

        private static int CodePointLength(string s)
        {
            int n = 0;
            for (int i = 0; i < s.Length; i++)
            {
                // A low surrogate after a high one completes a code point already counted.
                if (!char.IsLowSurrogate(s[i]) || i == 0 || !char.IsHighSurrogate(s[i - 1])) n++;
            }

            return n;
        }
    }
}
