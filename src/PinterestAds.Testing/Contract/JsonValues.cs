using System;
using System.Linq;
using System.Text.Json;

namespace PinterestAds.Testing.Contract
{
    /// <summary>Comparing JSON values and naming them in violation messages.</summary>
    internal static class JsonValues
    {
        private const int MaxQuotedLength = 80;

        /// <summary>
        /// True for a JSON integer literal: optional minus, digits, no leading zero, no fraction or exponent.
        /// <c>1.0</c> and <c>1E+06</c> are not integers: that is what a serialised [double] looks like.
        /// </summary>
        public static bool IsIntegerLiteral(string raw)
        {
            if (raw.Length == 0) return false;
            int i = raw[0] == '-' ? 1 : 0;
            if (i == raw.Length) return false;
            if (raw[i] == '0' && raw.Length > i + 1) return false;
            for (; i < raw.Length; i++)
            {
                if (raw[i] < '0' || raw[i] > '9') return false;
            }

            return true;
        }

        /// <summary>JSON Schema equality (enum, uniqueItems): numbers by value, objects regardless of property order.</summary>
        public static bool JsonEquals(JsonElement a, JsonElement b)
        {
            if (a.ValueKind != b.ValueKind) return false;
            switch (a.ValueKind)
            {
                case JsonValueKind.String:
                    return string.Equals(a.GetString(), b.GetString(), StringComparison.Ordinal);
                case JsonValueKind.Number:
                    return a.TryGetDecimal(out decimal da) && b.TryGetDecimal(out decimal db) ? da == db : a.GetDouble().Equals(b.GetDouble());
                case JsonValueKind.Array:
                    if (a.GetArrayLength() != b.GetArrayLength()) return false;
                    return a.EnumerateArray().Zip(b.EnumerateArray(), (x, y) => JsonEquals(x, y)).All(eq => eq);
                case JsonValueKind.Object:
                    var pa = a.EnumerateObject().ToList();
                    if (pa.Count != b.EnumerateObject().Count()) return false;
                    return pa.All(p => b.TryGetProperty(p.Name, out JsonElement other) && JsonEquals(p.Value, other));
                default:
                    return true; // true/false/null: same kind
            }
        }

        /// <summary>A value's kind and, for scalars, the value itself: "string \"x\"", "number 1.5", "array (3 items)".</summary>
        public static string Describe(JsonElement v)
        {
            switch (v.ValueKind)
            {
                case JsonValueKind.String: return "string " + Quote(v.GetString() ?? string.Empty);
                case JsonValueKind.Number: return "number " + v.GetRawText();
                case JsonValueKind.True: return "boolean true";
                case JsonValueKind.False: return "boolean false";
                case JsonValueKind.Null: return "null";
                case JsonValueKind.Array: return "array (" + v.GetArrayLength() + " items)";
                case JsonValueKind.Object: return "object";
                default: return v.ValueKind.ToString();
            }
        }

        /// <summary>A scalar as written (strings quoted); arrays and objects described, never dumped.</summary>
        public static string Short(JsonElement v)
            => v.ValueKind == JsonValueKind.String ? Quote(v.GetString() ?? string.Empty) : v.ValueKind == JsonValueKind.Object || v.ValueKind == JsonValueKind.Array ? Describe(v) : v.GetRawText();

        public static string Quote(string s) => "\"" + (s.Length > MaxQuotedLength ? s.Substring(0, MaxQuotedLength - 3) + "..." : s) + "\"";
    }
}
