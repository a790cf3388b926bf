using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PinterestAds.Testing.Ads
{
    /// <summary>
    /// Table-driven type, enum, pattern and sign checks for the fields a request sends, so each
    /// entity kind declares its fields once instead of hand-writing checks. Absent fields are
    /// not checked here (required-ness is the kind's business).
    /// </summary>
    internal sealed class FieldRules
    {
        private readonly List<Action<JsonObject, ItemErrors>> _checks = new List<Action<JsonObject, ItemErrors>>();

        public FieldRules Enum(string field, string[] values, bool nullable = false) => Add(field, nullable, (node, errors) =>
        {
            string? text = node is JsonValue v && v.TryGetValue(out string? s) ? s : null;
            if (text == null || !values.Contains(text, StringComparer.Ordinal))
            {
                errors.Invalid("Invalid parameter '" + field + "': " + Show(node) + " is not one of " + string.Join(", ", values) + ".");
            }
        });

        /// <summary>Integer; with <paramref name="money"/> it must also be non-negative (micro-currency).</summary>
        public FieldRules Integer(string field, bool nullable = true, bool money = false) => Add(field, nullable, (node, errors) =>
        {
            long? value = JsonFields.AsLong(node);
            if (value == null)
            {
                errors.Invalid("Invalid parameter '" + field + "': " + Show(node) + " is not an integer.");
            }
            else if (value < 0)
            {
                errors.Add(money ? ItemErrors.NegativeAmount : ItemErrors.InvalidParameter, field + " should be non-negative (got " + value + ").");
            }
        });

        public FieldRules Money(params string[] fields)
        {
            foreach (string field in fields)
            {
                Integer(field, nullable: true, money: true);
            }

            return this;
        }

        public FieldRules Boolean(params string[] fields) =>
            OfType("a boolean", node => node.GetValueKind() is JsonValueKind.True or JsonValueKind.False, fields);

        /// <param name="pattern">The spec's pattern, read as OpenAPI reads it (ECMA-262): <c>\d</c> is [0-9] only, as at Pinterest.</param>
        public FieldRules String(string field, bool nullable = true, int maxLength = int.MaxValue, string? pattern = null)
        {
            Regex? regex = pattern == null ? null : new Regex(pattern, RegexOptions.ECMAScript);
            return Add(field, nullable, (node, errors) =>
            {
                string? text = node is JsonValue v && v.TryGetValue(out string? s) ? s : null;
                if (text == null)
                {
                    errors.Invalid("Invalid parameter '" + field + "': " + Show(node) + " is not a string.");
                }
                else if (text.Length > maxLength)
                {
                    errors.Invalid("Invalid parameter '" + field + "': longer than " + maxLength + " characters.");
                }
                else if (regex != null && !regex.IsMatch(text))
                {
                    errors.Invalid("'" + field + "' value '" + text + "' must match the pattern: " + pattern);
                }
            });
        }

        public FieldRules Object(params string[] fields) => OfType("an object", node => node is JsonObject, fields);

        public FieldRules Array(params string[] fields) => OfType("an array", node => node is JsonArray, fields);

        public void Check(JsonObject request, ItemErrors errors)
        {
            foreach (var check in _checks)
            {
                check(request, errors);
            }
        }

        private static string Show(JsonNode? node)
        {
            string text = node == null ? "null" : node.ToJsonString();
            return text.Length > 60 ? text.Substring(0, 60) + "..." : text;
        }

        /// <summary>Nullable fields whose JSON type must be <paramref name="what"/>.</summary>
        private FieldRules OfType(string what, Func<JsonNode, bool> matches, string[] fields)
        {
            foreach (string field in fields)
            {
                Add(field, nullable: true, (node, errors) =>
                {
                    if (!matches(node!))
                    {
                        errors.Invalid("Invalid parameter '" + field + "': " + Show(node) + " is not " + what + ".");
                    }
                });
            }

            return this;
        }

        private FieldRules Add(string field, bool nullable, Action<JsonNode?, ItemErrors> check)
        {
            _checks.Add((request, errors) =>
            {
                if (!request.TryGetPropertyValue(field, out JsonNode? node))
                {
                    return;
                }

                if (JsonFields.IsNull(node))
                {
                    if (!nullable)
                    {
                        errors.Invalid("Invalid parameter '" + field + "': may not be null.");
                    }

                    return;
                }

                check(node, errors);
            });
            return this;
        }
    }
}
