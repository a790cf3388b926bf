using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace PinterestAds.Testing.Contract
{
    /// <summary>
    /// Validates a query string against the operation's <c>in: query</c> parameters: style=form (scalars and arrays,
    /// exploded or comma-separated) and style=deepObject (<c>name[key]=value</c>). Names no parameter declares are
    /// violations unless <see cref="ContractValidationOptions.RejectUnknownQueryParameters"/> is off.
    /// </summary>
    internal sealed class QueryParameterValidator(SchemaValidator validator, ValueCoercer coercer)
    {
        /// <param name="parameters">The operation's parameters.</param>
        /// <param name="query">The raw query string; null for none.</param>
        /// <param name="operationName">The operationId (or path template) for messages.</param>
        /// <param name="errors">Violations found are added here.</param>
        /// <param name="options">The caller's options.</param>
        public void Validate(IEnumerable<OperationParameter> parameters, string? query, string operationName, List<ContractViolation> errors, ContractValidationOptions options)
        {
            var ctx = new ValidationContext("query", options.AllowReadOnlyProperties);
            var pairs = new QueryPairs(UrlEncoded.Parse(query));
            var declared = parameters.Where(p => p.In == "query").ToList();
            foreach (OperationParameter p in declared)
            {
                if (p.Style == "deepObject") ValidateDeepObject(p, pairs, errors, ctx);
                else ValidateForm(p, pairs, errors, ctx);
            }

            if (!options.RejectUnknownQueryParameters) return;
            foreach (string name in pairs.UnclaimedNames())
            {
                string known = declared.Count == 0 ? "none" : string.Join(", ", declared.Select(p => p.Name));
                errors.Add(ctx.Violation(JsonPointer.Child(string.Empty, name), "query parameter '" + name + "' is not declared by " + operationName + " (declared: " + known + ")"));
            }
        }

        private void ValidateDeepObject(OperationParameter p, QueryPairs pairs, List<ContractViolation> errors, ValidationContext ctx)
        {
            string pointer = JsonPointer.Child(string.Empty, p.Name);
            string prefix = p.Name + "[";
            List<KeyValuePair<string, string>> members = pairs
                .Claim(key => key.StartsWith(prefix, StringComparison.Ordinal) && key.EndsWith("]", StringComparison.Ordinal))
                .Select(pair => new KeyValuePair<string, string>(pair.Key.Substring(prefix.Length, pair.Key.Length - prefix.Length - 1), pair.Value))
                .ToList();
            if (members.Count == 0)
            {
                if (p.IsRequired) errors.Add(ctx.Violation(pointer, "required query parameter '" + p.Name + "' (deepObject: " + p.Name + "[key]=value) is missing"));
                return;
            }

            JsonElement schema = p.Schema;
            if (schema.ValueKind != JsonValueKind.Object) return;
            validator.Validate(schema, coercer.ObjectOf(members, schema), pointer, errors, ctx);
        }

        private void ValidateForm(OperationParameter p, QueryPairs pairs, List<ContractViolation> errors, ValidationContext ctx)
        {
            string pointer = JsonPointer.Child(string.Empty, p.Name);
            List<string> occurrences = pairs.Claim(key => key == p.Name).Select(pair => pair.Value).ToList();
            if (occurrences.Count == 0)
            {
                if (p.IsRequired) errors.Add(ctx.Violation(pointer, "required query parameter '" + p.Name + "' is missing"));
                return;
            }

            JsonElement schema = p.Schema;
            if (schema.ValueKind != JsonValueKind.Object) return;
            JsonElement instance;
            if (coercer.IsArray(schema))
            {
                List<string> items = p.Explode ? occurrences : occurrences.SelectMany(o => o.Split(',')).ToList();
                instance = coercer.ArrayOf(items, schema);
            }
            else
            {
                if (occurrences.Count > 1)
                {
                    errors.Add(ctx.Violation(pointer, "query parameter '" + p.Name + "' is given " + occurrences.Count + " times but is not an array"));
                }

                instance = coercer.ScalarOf(occurrences[0], schema);
            }

            validator.Validate(schema, instance, pointer, errors, ctx);
        }

        /// <summary>The query's name=value pairs; each declared parameter claims its own, the rest are undeclared.</summary>
        private sealed class QueryPairs(List<KeyValuePair<string, string>> pairs)
        {
            private readonly HashSet<int> _claimed = new HashSet<int>();

            /// <summary>The pairs whose name matches, in query order, marked as claimed.</summary>
            public List<KeyValuePair<string, string>> Claim(Func<string, bool> nameMatches)
            {
                var claimed = new List<KeyValuePair<string, string>>();
                for (int i = 0; i < pairs.Count; i++)
                {
                    if (!nameMatches(pairs[i].Key)) continue;
                    _claimed.Add(i);
                    claimed.Add(pairs[i]);
                }

                return claimed;
            }

            /// <summary>Each name no parameter claimed, once, in query order.</summary>
            public IEnumerable<string> UnclaimedNames()
            {
                var seen = new HashSet<string>(StringComparer.Ordinal);
                for (int i = 0; i < pairs.Count; i++)
                {
                    if (!_claimed.Contains(i) && seen.Add(pairs[i].Key)) yield return pairs[i].Key;
                }
            }
        }
    }
}
