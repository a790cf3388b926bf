using System.Text.Json;

namespace PinterestAds.Testing.Contract
{
    /// <summary>
    /// Typed reads of spec keywords. A keyword of the wrong JSON type counts as absent: a malformed spec
    /// fragment is skipped rather than reported as a request violation.
    /// </summary>
    internal static class SchemaJson
    {
        /// <summary>True when <paramref name="keyword"/> is present and literally <c>true</c>.</summary>
        public static bool IsTrue(this JsonElement element, string keyword)
            => element.TryGetProperty(keyword, out JsonElement value) && value.ValueKind == JsonValueKind.True;

        public static bool TryGetInt(this JsonElement element, string keyword, out int value)
        {
            value = 0;
            return element.TryGetProperty(keyword, out JsonElement v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out value);
        }

        public static bool TryGetString(this JsonElement element, string keyword, out string value)
        {
            value = string.Empty;
            if (!element.TryGetProperty(keyword, out JsonElement v) || v.ValueKind != JsonValueKind.String) return false;
            value = v.GetString() ?? string.Empty;
            return true;
        }

        /// <summary>The keyword's string value, or <see cref="string.Empty"/> when absent or not a string.</summary>
        public static string GetStringOrEmpty(this JsonElement element, string keyword)
            => element.TryGetString(keyword, out string value) ? value : string.Empty;

        public static bool TryGetArray(this JsonElement element, string keyword, out JsonElement array)
            => element.TryGetProperty(keyword, out array) && array.ValueKind == JsonValueKind.Array;

        public static bool TryGetObject(this JsonElement element, string keyword, out JsonElement obj)
            => element.TryGetProperty(keyword, out obj) && obj.ValueKind == JsonValueKind.Object;

        public static bool TryGetNumber(this JsonElement element, string keyword, out JsonElement number)
            => element.TryGetProperty(keyword, out number) && number.ValueKind == JsonValueKind.Number;
    }
}
