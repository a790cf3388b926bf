using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PinterestAds.Testing.Contract
{
    /// <summary>
    /// Object keywords: <c>properties</c>, <c>additionalProperties</c> (allowed unless the schema says otherwise,
    /// the OpenAPI default), <c>required</c> and <c>minProperties</c>/<c>maxProperties</c>.
    /// </summary>
    internal sealed class ObjectKeywords(SchemaValidator validator, SchemaRefResolver refs)
    {
        public void Validate(JsonElement s, JsonElement instance, string pointer, List<ContractViolation> errors, ValidationContext ctx, int depth)
        {
            bool hasProperties = s.TryGetObject("properties", out JsonElement properties);
            int count = 0;
            foreach (JsonProperty property in instance.EnumerateObject())
            {
                count++;
                string childPointer = JsonPointer.Child(pointer, property.Name);
                if (hasProperties && properties.TryGetProperty(property.Name, out JsonElement propertySchema))
                {
                    validator.Validate(propertySchema, property.Value, childPointer, errors, ctx, depth + 1, null);
                }
                else if (s.TryGetProperty("additionalProperties", out JsonElement additional))
                {
                    ValidateAdditional(additional, properties, hasProperties, property, childPointer, errors, ctx, depth);
                }
            }

            if (s.TryGetArray("required", out JsonElement required))
            {
                foreach (JsonElement r in required.EnumerateArray())
                {
                    if (r.ValueKind != JsonValueKind.String) continue;
                    string name = r.GetString() ?? string.Empty;
                    if (instance.TryGetProperty(name, out _)) continue;
                    // readOnly properties are set by the server: required in responses only.
                    if (hasProperties && properties.TryGetProperty(name, out JsonElement ps) && IsReadOnly(ps)) continue;
                    errors.Add(ctx.Violation(JsonPointer.Child(pointer, name), "required property '" + name + "' is missing"));
                }
            }

            if (s.TryGetInt("minProperties", out int minProperties) && count < minProperties)
            {
                errors.Add(ctx.Violation(pointer, "object has " + count + " properties; minProperties is " + minProperties));
            }

            if (s.TryGetInt("maxProperties", out int maxProperties) && count > maxProperties)
            {
                errors.Add(ctx.Violation(pointer, "object has " + count + " properties; maxProperties is " + maxProperties));
            }
        }

        private void ValidateAdditional(JsonElement additional, JsonElement properties, bool hasProperties, JsonProperty property, string childPointer, List<ContractViolation> errors, ValidationContext ctx, int depth)
        {
            if (additional.ValueKind == JsonValueKind.False)
            {
                string allowed = hasProperties ? string.Join(", ", properties.EnumerateObject().Select(p => p.Name)) : "(none)";
                errors.Add(ctx.Violation(childPointer, "property '" + property.Name + "' is not allowed here (additionalProperties: false); allowed properties: " + allowed));
            }
            else if (additional.ValueKind == JsonValueKind.Object)
            {
                validator.Validate(additional, property.Value, childPointer, errors, ctx, depth + 1, null);
            }
        }

        private bool IsReadOnly(JsonElement schema)
            => refs.TryResolve(schema, out JsonElement resolved, out _) && resolved.ValueKind == JsonValueKind.Object && resolved.IsTrue("readOnly");
    }
}
