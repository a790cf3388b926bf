using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PinterestAds.Testing.Json
{
    /// <summary>JSON serialisation shared by every endpoint, so bodies look alike everywhere.</summary>
    internal static class ApiJson
    {
        private static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            // Readable URLs and names in bodies (tests compare them as text); still valid JSON.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        public static byte[] ToUtf8(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString(Options));

        public static string ToText(JsonNode node) => node.ToJsonString(Options);

        /// <summary>The spec's <c>Error</c> / <c>Exception</c> object: <c>{code, message}</c>.</summary>
        public static JsonObject Error(int code, string message) => new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
        };

        /// <summary>Parses a request body; malformed JSON becomes a 400 with code 1 like the real API.</summary>
        public static JsonNode? ParseBody(string body)
        {
            if (string.IsNullOrWhiteSpace(body))
            {
                throw new ApiErrorException(400, 1, "Invalid request body: a JSON body is required.");
            }

            try
            {
                return JsonNode.Parse(body);
            }
            catch (JsonException ex)
            {
                throw new ApiErrorException(400, 1, "Invalid request body: malformed JSON (" + ex.Message + ")");
            }
        }
    }
}
