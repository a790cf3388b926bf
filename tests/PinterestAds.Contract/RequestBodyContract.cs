using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Web;
using Json.Pointer;
using Json.Schema;
using PinterestAds.Contract.OpenApi30;

namespace PinterestAds.Contract
{
    /// <summary>
    /// An operation's <c>requestBody</c>: whether a body may or must be sent, whether its Content-Type is accepted,
    /// then the content itself for JSON and <c>application/x-www-form-urlencoded</c> (other media types, such as
    /// multipart uploads, are accepted unread).
    /// </summary>
    internal sealed class RequestBodyContract
    {
        private const string FormMediaType = "application/x-www-form-urlencoded";
        private readonly SpecDocument _spec;
        private readonly StringValues _values;
        private readonly JsonElement? _requestBody;
        private readonly List<JsonProperty> _mediaTypes;
        private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new ConcurrentDictionary<string, JsonSchema>(StringComparer.Ordinal);

        public RequestBodyContract(SpecDocument spec, StringValues values, JsonElement operation)
        {
            _spec = spec;
            _values = values;
            if (operation.TryGetProperty("requestBody", out JsonElement declared)) _requestBody = spec.Dereference(declared);
            _mediaTypes = _requestBody is JsonElement body && body.TryGetProperty("content", out JsonElement content) ? content.EnumerateObject().ToList() : new List<JsonProperty>();
        }

        /// <param name="body">The raw body; null or blank for none.</param>
        /// <param name="contentType">The Content-Type header; null to infer (JSON when the operation takes it).</param>
        /// <param name="operationName">The operationId (or path template) for messages.</param>
        /// <param name="violations">Violations found are added here.</param>
        public void Validate(string? body, string? contentType, string operationName, List<ContractViolation> violations)
        {
            bool hasBody = !string.IsNullOrWhiteSpace(body);
            string accepted = string.Join(", ", _mediaTypes.Select(m => m.Name));
            if (_requestBody == null)
            {
                if (hasBody) violations.Add(new ContractViolation("body", string.Empty, operationName + " does not accept a request body, but one was sent"));
                return;
            }

            if (!hasBody)
            {
                bool required = _requestBody.Value.TryGetProperty("required", out JsonElement r) && r.ValueKind == JsonValueKind.True;
                if (required) violations.Add(new ContractViolation("body", string.Empty, "a request body is required (" + accepted + ")"));
                return;
            }

            string? mediaType = string.IsNullOrWhiteSpace(contentType) ? null : contentType!.Split(';')[0].Trim().ToLowerInvariant();
            JsonProperty? chosen = mediaType == null
                ? _mediaTypes.Cast<JsonProperty?>().FirstOrDefault(m => IsJson(m!.Value.Name)) ?? _mediaTypes.Cast<JsonProperty?>().FirstOrDefault()
                : _mediaTypes.Where(m => Accepts(m.Name, mediaType)).OrderBy(m => m.Name.Equals(mediaType, StringComparison.OrdinalIgnoreCase) ? 0 : 1).Cast<JsonProperty?>().FirstOrDefault();
            if (chosen == null)
            {
                if (mediaType != null) violations.Add(new ContractViolation("content-type", string.Empty, "Content-Type '" + contentType + "' is not accepted by " + operationName + " (accepted: " + accepted + ")"));
                return;
            }

            if (!chosen.Value.Value.TryGetProperty("schema", out JsonElement schema)) return;
            string effective = mediaType ?? chosen.Value.Name.ToLowerInvariant();
            if (IsJson(effective)) ValidateJson(chosen.Value.Name, schema, body!, violations);
            else if (effective == FormMediaType) ValidateForm(chosen.Value.Name, schema, body!, violations);
        }

        private void ValidateJson(string mediaType, JsonElement schema, string body, List<ContractViolation> violations)
        {
            JsonDocument document;
            try
            {
                // A repeated property is ambiguous (which one does Pinterest read?), so it is refused outright.
                document = JsonDocument.Parse(body, new JsonDocumentOptions { AllowDuplicateProperties = false });
            }
            catch (JsonException ex)
            {
                violations.Add(new ContractViolation("body", string.Empty, "body is not valid JSON: " + ex.Message));
                return;
            }

            using (document) Evaluate(mediaType, schema, document.RootElement, violations);
        }

        /// <summary>A form body is validated as the object its fields make, each typed by its property schema.</summary>
        private void ValidateForm(string mediaType, JsonElement schema, string body, List<ContractViolation> violations)
        {
            var fields = HttpUtility.ParseQueryString(body);
            var members = fields.AllKeys.Select(k => KeyValuePair.Create(k ?? string.Empty, fields.GetValues(k)!)).ToList();
            JsonObject instance = _values.Object(members, schema);
            foreach (var field in members.Where(m => m.Value.Length > 1 && instance[m.Key] is not JsonArray))
            {
                violations.Add(new ContractViolation("body", JsonPointer.Create(field.Key).ToString(), "form field '" + field.Key + "' is given " + field.Value.Length + " times but is not an array"));
            }

            Evaluate(mediaType, schema, JsonSerializer.SerializeToElement(instance), violations);
        }

        private void Evaluate(string mediaType, JsonElement schema, JsonElement instance, List<ContractViolation> violations)
        {
            JsonSchema built = _schemas.GetOrAdd(mediaType, _ => _spec.Build(JsonNode.Parse(schema.GetRawText())!));
            ViolationReport.Collect(built.Evaluate(instance, OpenApi30Dialect.EvaluationOptions), "body", violations);
        }

        private static bool IsJson(string mediaType) => mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) || mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

        /// <summary>An exact match, or a declared range such as <c>image/*</c>.</summary>
        private static bool Accepts(string declared, string actual)
        {
            declared = declared.ToLowerInvariant();
            return declared == actual || declared == "*/*" || (declared.EndsWith("/*", StringComparison.Ordinal) && actual.StartsWith(declared.Substring(0, declared.Length - 1), StringComparison.Ordinal));
        }
    }
}
