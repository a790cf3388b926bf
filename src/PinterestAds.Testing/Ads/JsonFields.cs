using System.Text.Json;
using System.Text.Json.Nodes;

namespace PinterestAds.Testing.Ads
{
    /// <summary>Typed reads of entity/request fields that tolerate absence, null and wrong types.</summary>
    internal static class JsonFields
    {
        public static bool IsNull(JsonNode? node) => node == null || node.GetValueKind() == JsonValueKind.Null;

        public static string? String(JsonObject obj, string name) =>
            obj.TryGetPropertyValue(name, out JsonNode? node) && node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

        public static long? Long(JsonObject obj, string name) =>
            obj.TryGetPropertyValue(name, out JsonNode? node) ? AsLong(node) : null;

        public static long? AsLong(JsonNode? node)
        {
            if (node is JsonValue value && node.GetValueKind() == JsonValueKind.Number)
            {
                if (value.TryGetValue(out long l))
                {
                    return l;
                }

                if (value.TryGetValue(out int i))
                {
                    return i;
                }

                if (value.TryGetValue(out double d) && d == System.Math.Floor(d) && System.Math.Abs(d) < 9e18)
                {
                    return (long)d;
                }
            }

            return null;
        }

        public static bool IsTrue(JsonObject obj, string name) =>
            obj.TryGetPropertyValue(name, out JsonNode? node) && node != null && node.GetValueKind() == JsonValueKind.True;

        /// <summary>True when the request names the field (even with null): an update touches it.</summary>
        public static bool Has(JsonObject obj, string name) => obj.ContainsKey(name);

        /// <summary>Strips the optional id prefix the spec's patterns allow (<c>C</c> for campaigns, <c>AG</c> for ad groups).</summary>
        public static string? NormalizeId(string? id, string prefix) =>
            id != null && id.StartsWith(prefix, System.StringComparison.Ordinal) ? id.Substring(prefix.Length) : id;
    }
}
