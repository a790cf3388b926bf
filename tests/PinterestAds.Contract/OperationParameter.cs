using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PinterestAds.Contract
{
    /// <summary>A parameter of an operation, <c>$ref</c> resolved, with OpenAPI's serialisation defaults applied.</summary>
    internal sealed class OperationParameter
    {
        private OperationParameter(JsonElement parameter)
        {
            Name = Text(parameter, "name") ?? string.Empty;
            In = Text(parameter, "in") ?? string.Empty;
            IsRequired = parameter.TryGetProperty("required", out JsonElement required) && required.ValueKind == JsonValueKind.True;
            Schema = parameter.TryGetProperty("schema", out JsonElement schema) ? schema : default;
            Style = Text(parameter, "style") ?? (In == "query" ? "form" : "simple");
            // Only style=form explodes by default.
            Explode = parameter.TryGetProperty("explode", out JsonElement explode) ? explode.ValueKind == JsonValueKind.True : Style == "form";
        }

        public string Name { get; }

        /// <summary><c>path</c>, <c>query</c>, <c>header</c> or <c>cookie</c>.</summary>
        public string In { get; }

        public bool IsRequired { get; }

        /// <summary>The translated schema; <see cref="JsonValueKind.Undefined"/> when the parameter has none.</summary>
        public JsonElement Schema { get; }

        /// <summary><c>form</c> (query default), <c>simple</c> (path default) or <c>deepObject</c>.</summary>
        public string Style { get; }

        /// <summary>For arrays: true means <c>name=a&amp;name=b</c>, false one comma-separated value.</summary>
        public bool Explode { get; }

        /// <summary>
        /// The parameters of an operation in declaration order: the path item's, then the operation's, where an
        /// operation-level parameter replaces the path-level one with the same name and location.
        /// </summary>
        public static List<OperationParameter> Collect(SpecDocument spec, JsonElement pathItem, JsonElement operation)
        {
            var byKey = new Dictionary<string, OperationParameter>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (JsonElement owner in new[] { pathItem, operation })
            {
                if (!owner.TryGetProperty("parameters", out JsonElement list) || list.ValueKind != JsonValueKind.Array) continue;
                foreach (JsonElement declared in list.EnumerateArray())
                {
                    var parameter = new OperationParameter(spec.Dereference(declared));
                    string key = parameter.In + ":" + parameter.Name;
                    if (!byKey.ContainsKey(key)) order.Add(key);
                    byKey[key] = parameter;
                }
            }

            return order.Select(k => byKey[k]).ToList();
        }

        private static string? Text(JsonElement element, string property)
            => element.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
