using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PinterestAds.Testing.Contract
{
    /// <summary>Validates the values a request path gives the operation's <c>in: path</c> parameters.</summary>
    internal sealed class PathParameterValidator(SchemaValidator validator, ValueCoercer coercer)
    {
        /// <param name="parameters">The operation's parameters.</param>
        /// <param name="values">Decoded path segment values by template parameter name.</param>
        /// <param name="errors">Violations found are added here.</param>
        /// <param name="options">The caller's options.</param>
        public void Validate(IEnumerable<OperationParameter> parameters, Dictionary<string, string> values, List<ContractViolation> errors, ContractValidationOptions options)
        {
            var ctx = new ValidationContext("path", options.AllowReadOnlyProperties);
            foreach (OperationParameter p in parameters.Where(p => p.In == "path"))
            {
                string pointer = JsonPointer.Child(string.Empty, p.Name);
                if (!values.TryGetValue(p.Name, out string? value))
                {
                    errors.Add(ctx.Violation(pointer, "(spec problem) path parameter '" + p.Name + "' does not appear in the path template"));
                    continue;
                }

                JsonElement schema = p.Schema;
                if (schema.ValueKind == JsonValueKind.Undefined) continue;
                validator.Validate(schema, coercer.ScalarOf(value, schema), pointer, errors, ctx);
            }
        }
    }
}
