using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PinterestAds.Testing.Contract
{
    /// <summary>
    /// Validates a request body against the operation's <c>requestBody</c>: whether one may or must be sent, whether
    /// its Content-Type is accepted, then the content itself for JSON and <c>application/x-www-form-urlencoded</c>
    /// (other media types, such as multipart uploads, are accepted unread).
    /// </summary>
    internal sealed class RequestBodyValidator(SchemaValidator validator, SchemaRefResolver refs, ValueCoercer coercer)
    {
        private const string FormMediaType = "application/x-www-form-urlencoded";

        /// <param name="operation">The operation object.</param>
        /// <param name="body">The raw body; null or blank for none.</param>
        /// <param name="contentType">The Content-Type header; null to infer (JSON when the operation accepts it).</param>
        /// <param name="operationName">The operationId (or path template) for messages.</param>
        /// <param name="errors">Violations found are added here.</param>
        /// <param name="options">The caller's options.</param>
        public void Validate(JsonElement operation, string? body, string? contentType, string operationName, List<ContractViolation> errors, ContractValidationOptions options)
        {
            bool hasBody = !string.IsNullOrWhiteSpace(body);
            bool declared = operation.TryGetProperty("requestBody", out JsonElement requestBody)
                            && refs.TryResolve(requestBody, out requestBody, out _)
                            && requestBody.ValueKind == JsonValueKind.Object;
            if (!declared)
            {
                if (hasBody) errors.Add(new ContractViolation("body", string.Empty, operationName + " does not accept a request body, but one was sent"));
                return;
            }

            List<JsonProperty> mediaTypes = requestBody.TryGetObject("content", out JsonElement content) ? content.EnumerateObject().ToList() : new List<JsonProperty>();
            string accepted = string.Join(", ", mediaTypes.Select(m => m.Name));
            if (!hasBody)
            {
                if (requestBody.IsTrue("required")) errors.Add(new ContractViolation("body", string.Empty, "a request body is required (" + accepted + ")"));
                return;
            }

            string? mediaType = string.IsNullOrWhiteSpace(contentType) ? null : contentType!.Split(';')[0].Trim().ToLowerInvariant();
            JsonProperty? chosen = mediaType == null ? DefaultMediaType(mediaTypes) : AcceptingMediaType(mediaTypes, mediaType);
            if (mediaType != null && chosen == null)
            {
                errors.Add(new ContractViolation("content-type", string.Empty, "Content-Type '" + contentType + "' is not accepted by " + operationName + " (accepted: " + accepted + ")"));
                return;
            }

            if (chosen == null || !chosen.Value.Value.TryGetProperty("schema", out JsonElement schema)) return;
            string effective = (mediaType ?? chosen.Value.Name).ToLowerInvariant();
            var ctx = new ValidationContext("body", options.AllowReadOnlyProperties);
            if (IsJson(effective)) ValidateJson(schema, body!, errors, ctx);
            else if (effective == FormMediaType) ValidateForm(schema, body, errors, ctx);
        }

        private void ValidateJson(JsonElement schema, string body, List<ContractViolation> errors, ValidationContext ctx)
        {
            JsonDocument doc;
            try
            {
                doc = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 256 });
            }
            catch (JsonException ex)
            {
                errors.Add(ctx.Violation(string.Empty, "body is not valid JSON: " + ex.Message));
                return;
            }

            using (doc)
            {
                validator.Validate(schema, doc.RootElement, string.Empty, errors, ctx);
            }
        }

        /// <summary>A form body is validated as the object its fields make, each typed by its property schema.</summary>
        private void ValidateForm(JsonElement schema, string? body, List<ContractViolation> errors, ValidationContext ctx)
        {
            var fields = UrlEncoded.Parse(body).GroupBy(f => f.Key, f => f.Value, StringComparer.Ordinal).ToList();
            var repeated = new List<ContractViolation>();
            JsonElement instance = ValueCoercer.Build(w =>
            {
                w.WriteStartObject();
                foreach (IGrouping<string, string> field in fields)
                {
                    w.WritePropertyName(field.Key);
                    List<string> values = field.ToList();
                    if (!coercer.WriteField(w, schema, field.Key, values))
                    {
                        repeated.Add(ctx.Violation(JsonPointer.Child(string.Empty, field.Key), "form field '" + field.Key + "' is given " + values.Count + " times but is not an array"));
                    }
                }

                w.WriteEndObject();
            });
            errors.AddRange(repeated);
            validator.Validate(schema, instance, string.Empty, errors, ctx);
        }

        /// <summary>Without a Content-Type the client sends JSON when the operation takes it, else its first media type.</summary>
        private static JsonProperty? DefaultMediaType(List<JsonProperty> mediaTypes)
            => mediaTypes.Cast<JsonProperty?>().FirstOrDefault(m => IsJson(m!.Value.Name.ToLowerInvariant())) ?? mediaTypes.Cast<JsonProperty?>().FirstOrDefault();

        /// <summary>The media type entry accepting <paramref name="mediaType"/>: an exact match first, then a range such as <c>image/*</c>.</summary>
        private static JsonProperty? AcceptingMediaType(List<JsonProperty> mediaTypes, string mediaType)
            => mediaTypes.Cast<JsonProperty?>().FirstOrDefault(m => string.Equals(m!.Value.Name, mediaType, StringComparison.OrdinalIgnoreCase))
               ?? mediaTypes.Cast<JsonProperty?>().FirstOrDefault(m => MediaRangeMatches(m!.Value.Name.ToLowerInvariant(), mediaType));

        private static bool IsJson(string mediaType) => mediaType == "application/json" || mediaType.EndsWith("+json", StringComparison.Ordinal);

        private static bool MediaRangeMatches(string declared, string actual)
        {
            if (declared == "*/*") return true;
            return declared.EndsWith("/*", StringComparison.Ordinal) && actual.StartsWith(declared.Substring(0, declared.Length - 1), StringComparison.Ordinal);
        }
    }
}
