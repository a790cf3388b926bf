using System.Text.Json;
using System.Text.RegularExpressions;

namespace PinterestAds.Contract
{
    /// <summary>How JSON values read in messages, and which number literals are integers.</summary>
    internal static class JsonLiterals
    {
        private const int MaxShownLength = 80;
        private static readonly Regex IntegerLiteral = new Regex(@"^-?(0|[1-9][0-9]*)\z", RegexOptions.CultureInvariant);
        private static readonly Regex NumberLiteral = new Regex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?\z", RegexOptions.CultureInvariant);

        /// <summary>True for an integer written without fraction or exponent, e.g. <c>-12</c>.</summary>
        public static bool IsInteger(string text) => IntegerLiteral.IsMatch(text);

        /// <summary>True for any JSON number literal.</summary>
        public static bool IsNumber(string text) => NumberLiteral.IsMatch(text);

        /// <summary>The value as JSON, cut to a readable length.</summary>
        public static string Short(JsonElement value)
        {
            string raw = value.GetRawText();
            return raw.Length <= MaxShownLength ? raw : raw.Substring(0, MaxShownLength - 3) + "...";
        }

        /// <summary>The value's JSON type and, for scalars, the value: <c>string "5000000"</c>, <c>object</c>.</summary>
        public static string Describe(JsonElement value) => value.ValueKind switch
        {
            JsonValueKind.Object => "object",
            JsonValueKind.Array => "array",
            JsonValueKind.Null => "null",
            JsonValueKind.String => "string " + Short(value),
            JsonValueKind.Number => "number " + Short(value),
            _ => "boolean " + Short(value),
        };
    }
}
