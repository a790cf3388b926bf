using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace PinterestAds.Core.Json
{
    /// <summary>
    /// JSON as plain .NET values (dictionaries, arrays, strings, numbers, booleans) — what PowerShell
    /// shows well and what the shape checks read.
    /// </summary>
    public static class JsonPlain
    {
        public static object? ToPlain(JsonElement json) => json.ValueKind switch
        {
            JsonValueKind.Object => json.EnumerateObject().ToDictionary(p => p.Name, p => ToPlain(p.Value), StringComparer.OrdinalIgnoreCase),
            JsonValueKind.Array => json.EnumerateArray().Select(ToPlain).ToArray(),
            JsonValueKind.String => json.GetString(),
            JsonValueKind.Number => json.TryGetInt64(out long whole) ? whole : (object)json.GetDecimal(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };

        /// <summary>The named property as plain values; null when absent, null or empty.</summary>
        public static IReadOnlyDictionary<string, object?>? ObjectOrNull(JsonElement json, string name) =>
            json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object && value.EnumerateObject().Any()
                ? (IReadOnlyDictionary<string, object?>?)ToPlain(value)
                : null;

        public static string[] StringArray(JsonElement json, string name) =>
            json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() ?? string.Empty : v.GetRawText()).ToArray()
                : Array.Empty<string>();

        /// <summary>Parses JSON text (e.g. a CSV cell holding a targeting spec) into plain values.</summary>
        public static object? Parse(string text)
        {
            using var document = JsonDocument.Parse(text);
            return ToPlain(document.RootElement);
        }

        public static string Describe(object? value) => value switch
        {
            null => "null",
            string s => "'" + s + "'",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? value.GetType().Name,
        };
    }
}
