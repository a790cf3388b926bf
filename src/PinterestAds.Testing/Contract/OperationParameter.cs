using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PinterestAds.Testing.Contract
{
    /// <summary>A parameter object of an operation, <c>$ref</c> resolved.</summary>
    internal sealed class OperationParameter
    {
        private readonly JsonElement _element;

        private OperationParameter(JsonElement element)
        {
            _element = element;
            Name = element.GetStringOrEmpty("name");
            In = element.GetStringOrEmpty("in");
        }

        public string Name { get; }

        /// <summary><c>path</c>, <c>query</c>, <c>header</c> or <c>cookie</c>.</summary>
        public string In { get; }

        public bool IsRequired => _element.IsTrue("required");

        /// <summary>The <c>schema</c> keyword as written; <see cref="JsonValueKind.Undefined"/> when absent.</summary>
        public JsonElement Schema => _element.TryGetProperty("schema", out JsonElement schema) ? schema : default;

        /// <summary>Serialisation style; <c>form</c>, the default for query parameters, when not given.</summary>
        public string Style => _element.TryGetString("style", out string style) ? style : "form";

        /// <summary>style=form arrays: true (the default) means <c>name=a&amp;name=b</c>, false one comma-separated value.</summary>
        public bool Explode => !(_element.TryGetProperty("explode", out JsonElement explode) && explode.ValueKind == JsonValueKind.False);

        /// <summary>
        /// The parameters that apply to an operation in declaration order: the path item's, then the operation's,
        /// where an operation-level parameter replaces the path-level one with the same name and location.
        /// </summary>
        public static List<OperationParameter> Collect(SchemaRefResolver refs, JsonElement pathItem, JsonElement operation)
        {
            var byKey = new Dictionary<string, OperationParameter>(StringComparer.Ordinal);
            var order = new List<string>();
            foreach (JsonElement owner in new[] { pathItem, operation })
            {
                if (!owner.TryGetArray("parameters", out JsonElement list)) continue;
                foreach (JsonElement raw in list.EnumerateArray())
                {
                    if (!refs.TryResolve(raw, out JsonElement resolved, out _) || resolved.ValueKind != JsonValueKind.Object) continue;
                    var parameter = new OperationParameter(resolved);
                    string key = parameter.In + ":" + parameter.Name;
                    if (!byKey.ContainsKey(key)) order.Add(key);
                    byKey[key] = parameter;
                }
            }

            return order.Select(k => byKey[k]).ToList();
        }
    }
}
