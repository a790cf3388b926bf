using System;
using System.Collections.Generic;
using System.Collections.Specialized;
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
    /// The path or the query parameters of an operation, validated together: their values as one object against an
    /// object schema whose properties are the parameters' schemas, so violations point at <c>/name</c>.
    /// </summary>
    internal sealed class ParameterSet
    {
        private readonly string _location;
        private readonly List<OperationParameter> _parameters;
        private readonly StringValues _values;
        private readonly Lazy<JsonSchema> _schema;

        public ParameterSet(SpecDocument spec, StringValues values, string location, IEnumerable<OperationParameter> parameters)
        {
            _location = location;
            _values = values;
            _parameters = parameters.Where(p => p.In == location).ToList();
            _schema = new Lazy<JsonSchema>(() => spec.Build(ObjectSchema()));
        }

        /// <param name="values">Decoded path segment values by template parameter name.</param>
        /// <param name="violations">Violations found are added here.</param>
        public void ValidatePath(IReadOnlyDictionary<string, string> values, List<ContractViolation> violations)
        {
            var instance = new JsonObject();
            foreach (OperationParameter p in _parameters.Where(p => values.ContainsKey(p.Name))) instance[p.Name] = _values.Scalar(values[p.Name], p.Schema);
            Evaluate(instance, violations);
        }

        /// <summary>
        /// Reads style=form parameters (scalars; arrays repeated or comma-joined as <c>explode</c> says) and
        /// style=deepObject ones (<c>name[key]=value</c>). A name no parameter declares is a violation: OpenAPI allows
        /// extra query parameters, but here they are typos such as <c>pagesize</c>.
        /// </summary>
        public void ValidateQuery(string? query, string operationName, List<ContractViolation> violations)
        {
            NameValueCollection pairs = HttpUtility.ParseQueryString(query ?? string.Empty);
            var unclaimed = new HashSet<string>(pairs.AllKeys.Select(k => k ?? string.Empty), StringComparer.Ordinal);
            var instance = new JsonObject();
            foreach (OperationParameter p in _parameters)
            {
                if (p.Style == "deepObject")
                {
                    string prefix = p.Name + "[";
                    var members = unclaimed.Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && k.EndsWith("]", StringComparison.Ordinal)).ToList();
                    unclaimed.ExceptWith(members);
                    if (members.Count > 0) instance[p.Name] = _values.Object(members.Select(k => KeyValuePair.Create(k.Substring(prefix.Length, k.Length - prefix.Length - 1), pairs.GetValues(k)!)), p.Schema);
                    continue;
                }

                if (!unclaimed.Remove(p.Name)) continue;
                string[] occurrences = pairs.GetValues(p.Name)!;
                if (_values.IsArray(p.Schema))
                {
                    instance[p.Name] = _values.Array(p.Explode ? occurrences : occurrences.SelectMany(o => o.Split(',')), p.Schema);
                    continue;
                }

                if (occurrences.Length > 1) violations.Add(Violation(p.Name, "query parameter '" + p.Name + "' is given " + occurrences.Length + " times but is not an array"));
                instance[p.Name] = _values.Scalar(occurrences[0], p.Schema);
            }

            string declared = _parameters.Count == 0 ? "none" : string.Join(", ", _parameters.Select(p => p.Name));
            foreach (string name in unclaimed) violations.Add(Violation(name, "query parameter '" + name + "' is not declared by " + operationName + " (declared: " + declared + ")"));
            Evaluate(instance, violations);
        }

        private void Evaluate(JsonObject instance, List<ContractViolation> violations)
            => ViolationReport.Collect(_schema.Value.Evaluate(JsonSerializer.SerializeToElement(instance), OpenApi30Dialect.EvaluationOptions), _location, violations);

        private ContractViolation Violation(string name, string message) => new ContractViolation(_location, JsonPointer.Create(name).ToString(), message);

        private JsonObject ObjectSchema()
        {
            var properties = new JsonObject();
            foreach (OperationParameter p in _parameters.Where(p => p.Schema.ValueKind != JsonValueKind.Undefined)) properties[p.Name] = JsonNode.Parse(p.Schema.GetRawText());
            return new JsonObject
            {
                ["type"] = "object",
                ["properties"] = properties,
                ["required"] = new JsonArray(_parameters.Where(p => p.IsRequired).Select(p => (JsonNode)p.Name).ToArray()),
            };
        }
    }
}
