using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace PinterestAds.Testing.Contract
{
    /// <summary>
    /// OpenAPI 3.0 Schema Object validator over <see cref="JsonElement"/>s of a loaded spec document.
    /// Thread-safe: it only reads the (immutable) spec document and uses concurrent caches.
    /// </summary>
    /// <remarks>
    /// Semantics follow OpenAPI 3.0.3 (a JSON Schema draft-05 dialect) with these deliberate choices:
    /// <list type="bullet">
    /// <item><c>$ref</c> replaces the whole schema object; sibling keywords are ignored (3.0 rule).</item>
    /// <item><c>nullable: true</c> accepts <c>null</c> outright, even when an <c>allOf</c> branch (e.g. a referenced enum
    /// schema) is not itself nullable — Pinterest's spec writes nullable refs as <c>{allOf:[{$ref}], nullable:true}</c>.
    /// An enum that lists <c>null</c> also accepts <c>null</c>.</item>
    /// <item><c>integer</c> requires an integer JSON literal (no fraction, no exponent): <c>1.0</c> and <c>1E+06</c> are
    /// rejected because that is what a serialised [double] looks like and Pinterest's servers parse ints strictly.</item>
    /// <item><c>readOnly</c> properties present in a request are violations; a readOnly property listed in
    /// <c>required</c> is not required in a request.</item>
    /// <item><c>oneOf</c> with a <c>discriminator</c> validates against the mapped schema only; <c>oneOf</c> WITHOUT a
    /// discriminator is treated as <c>anyOf</c> (at least one branch) because several of Pinterest's non-discriminated
    /// oneOfs have overlapping branches (e.g. AdPreviewRequest's three inline objects without required keys, and
    /// BulkUpsertRequestCreate product groups where the vertical request is a superset), so "exactly one" would reject
    /// valid requests.</item>
    /// <item>A <c>discriminator</c> on a schema without <c>oneOf</c>/<c>anyOf</c> (OauthAccessTokenRequest) additionally
    /// validates the instance against the mapped schema.</item>
    /// </list>
    /// </remarks>
    internal sealed class SchemaValidator
    {
        private const int MaxDepth = 256;
        private const int MaxEnumValuesShown = 40;
        private static readonly Regex DateRegex = new Regex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}\z", RegexOptions.CultureInvariant);
        private static readonly Regex DateTimeRegex = new Regex(
            @"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})\z",
            RegexOptions.CultureInvariant);
        private static readonly Regex JsonNumberRegex = new Regex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?\z", RegexOptions.CultureInvariant);

        private readonly JsonElement _root;
        private readonly ConcurrentDictionary<string, JsonElement?> _refs = new ConcurrentDictionary<string, JsonElement?>(StringComparer.Ordinal);

        public SchemaValidator(JsonElement root)
        {
            _root = root;
        }

        /// <summary>Validation context: which part of the request is validated and request-mode flags.</summary>
        internal sealed class Context
        {
            public Context(string location, bool allowReadOnly)
            {
                Location = location;
                AllowReadOnly = allowReadOnly;
            }

            public string Location { get; }

            public bool AllowReadOnly { get; }
        }

        // ------------------------------------------------------------------ $ref

        /// <summary>Resolves a local reference (<c>#/components/...</c>); null when it does not resolve.</summary>
        public JsonElement? ResolveRef(string reference) => _refs.GetOrAdd(reference, ResolvePointer);

        private JsonElement? ResolvePointer(string reference)
        {
            if (reference.Length == 0 || reference[0] != '#') return null; // external refs are not supported
            string pointer = Uri.UnescapeDataString(reference.Substring(1));
            if (pointer.Length == 0) return _root;
            if (pointer[0] != '/') return null;
            JsonElement current = _root;
            foreach (string raw in pointer.Substring(1).Split('/'))
            {
                string token = raw.Replace("~1", "/").Replace("~0", "~");
                if (current.ValueKind == JsonValueKind.Object)
                {
                    if (!current.TryGetProperty(token, out current)) return null;
                }
                else if (current.ValueKind == JsonValueKind.Array
                         && int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int index)
                         && index < current.GetArrayLength())
                {
                    current = current[index];
                }
                else
                {
                    return null;
                }
            }

            return current;
        }

        /// <summary>Follows a <c>$ref</c> chain. Returns false when a reference does not resolve (or loops).</summary>
        public bool TryResolve(JsonElement schema, out JsonElement resolved, out string? refName)
        {
            resolved = schema;
            refName = null;
            for (int hops = 0; hops < 64; hops++)
            {
                if (resolved.ValueKind != JsonValueKind.Object
                    || !resolved.TryGetProperty("$ref", out JsonElement r)
                    || r.ValueKind != JsonValueKind.String)
                {
                    return true;
                }

                string reference = r.GetString() ?? string.Empty;
                JsonElement? target = ResolveRef(reference);
                if (target == null)
                {
                    refName = reference;
                    return false;
                }

                refName = reference;
                resolved = target.Value;
            }

            return false;
        }

        // ------------------------------------------------------------------ validation

        /// <summary>Validates <paramref name="instance"/> against <paramref name="schema"/>, appending violations.</summary>
        public void Validate(JsonElement schema, JsonElement instance, string pointer, List<ContractViolation> errors, Context ctx)
            => Validate(schema, instance, pointer, errors, ctx, 0, null);

        private void Validate(JsonElement schema, JsonElement instance, string pointer, List<ContractViolation> errors, Context ctx, int depth, HashSet<string>? appliedHere)
        {
            if (depth > MaxDepth)
            {
                errors.Add(new ContractViolation(ctx.Location, pointer, "schema nesting too deep (recursive schema without progress?)"));
                return;
            }

            if (!TryResolve(schema, out JsonElement s, out string? refName))
            {
                errors.Add(new ContractViolation(ctx.Location, pointer, "(spec problem) cannot resolve $ref '" + refName + "'"));
                return;
            }

            if (s.ValueKind == JsonValueKind.True) return;
            if (s.ValueKind == JsonValueKind.False)
            {
                errors.Add(new ContractViolation(ctx.Location, pointer, "no value is allowed here"));
                return;
            }

            if (s.ValueKind != JsonValueKind.Object) return;

            if (!ctx.AllowReadOnly && GetBool(s, "readOnly"))
            {
                errors.Add(new ContractViolation(ctx.Location, pointer, "'" + LastToken(pointer) + "' is readOnly (set by the server) and must not be sent in a request"));
                return;
            }

            JsonValueKind kind = instance.ValueKind;
            if (kind == JsonValueKind.Null)
            {
                if (GetBool(s, "nullable") || EnumContainsNull(s)) return;
                if (s.TryGetProperty("type", out JsonElement nt) && nt.ValueKind == JsonValueKind.String)
                {
                    errors.Add(new ContractViolation(ctx.Location, pointer, "null is not allowed (expected " + nt.GetString() + "; the schema is not nullable)"));
                    return;
                }
            }

            if (s.TryGetProperty("type", out JsonElement typeEl) && typeEl.ValueKind == JsonValueKind.String)
            {
                string type = typeEl.GetString() ?? string.Empty;
                if (!TypeMatches(type, instance))
                {
                    errors.Add(new ContractViolation(ctx.Location, pointer, TypeMismatchMessage(type, instance)));
                    return;
                }
            }

            if (s.TryGetProperty("enum", out JsonElement enumEl) && enumEl.ValueKind == JsonValueKind.Array)
            {
                bool found = false;
                foreach (JsonElement candidate in enumEl.EnumerateArray())
                {
                    if (JsonEquals(candidate, instance))
                    {
                        found = true;
                        break;
                    }
                }

                if (!found)
                {
                    errors.Add(new ContractViolation(ctx.Location, pointer, "value " + Short(instance) + " is not one of the allowed values: " + ListEnum(enumEl)));
                }
            }

            switch (kind)
            {
                case JsonValueKind.String:
                    ValidateString(s, instance.GetString() ?? string.Empty, pointer, errors, ctx);
                    break;
                case JsonValueKind.Number:
                    ValidateNumber(s, instance, pointer, errors, ctx);
                    break;
                case JsonValueKind.Array:
                    ValidateArray(s, instance, pointer, errors, ctx, depth);
                    break;
                case JsonValueKind.Object:
                    ValidateObject(s, instance, pointer, errors, ctx, depth);
                    break;
            }

            if (s.TryGetProperty("allOf", out JsonElement allOf) && allOf.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement branch in allOf.EnumerateArray())
                {
                    Validate(branch, instance, pointer, errors, ctx, depth + 1, appliedHere);
                }
            }

            bool hasAlternatives = false;
            foreach (string keyword in new[] { "anyOf", "oneOf" })
            {
                if (s.TryGetProperty(keyword, out JsonElement branches) && branches.ValueKind == JsonValueKind.Array)
                {
                    hasAlternatives = true;
                    ValidateAlternatives(s, keyword, branches, refName, instance, pointer, errors, ctx, depth, appliedHere);
                }
            }

            if (!hasAlternatives && s.TryGetProperty("discriminator", out _) && kind == JsonValueKind.Object)
            {
                // Discriminator on a plain schema (OauthAccessTokenRequest): the mapped schema applies as well.
                string? target = DiscriminatorTarget(s, null, instance, pointer, errors, ctx, report: false);
                if (target != null && !string.Equals(target, refName, StringComparison.Ordinal))
                {
                    ApplyRef(target, instance, pointer, errors, ctx, depth, appliedHere, refName);
                }
            }

            if (s.TryGetProperty("not", out JsonElement not) && not.ValueKind == JsonValueKind.Object)
            {
                var tmp = new List<ContractViolation>();
                Validate(not, instance, pointer, tmp, ctx, depth + 1, null);
                if (tmp.Count == 0) errors.Add(new ContractViolation(ctx.Location, pointer, "value must NOT match the 'not' schema"));
            }
        }

        private void ApplyRef(string target, JsonElement instance, string pointer, List<ContractViolation> errors, Context ctx, int depth, HashSet<string>? appliedHere, string? currentRef)
        {
            if (appliedHere != null && appliedHere.Contains(target)) return;
            var applied = appliedHere == null ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(appliedHere, StringComparer.Ordinal);
            applied.Add(target);
            if (currentRef != null) applied.Add(currentRef);
            JsonElement? resolved = ResolveRef(target);
            if (resolved == null)
            {
                errors.Add(new ContractViolation(ctx.Location, pointer, "(spec problem) cannot resolve discriminator mapping '" + target + "'"));
                return;
            }

            Validate(resolved.Value, instance, pointer, errors, ctx, depth + 1, applied);
        }

        private void ValidateAlternatives(JsonElement s, string keyword, JsonElement branches, string? refName, JsonElement instance, string pointer, List<ContractViolation> errors, Context ctx, int depth, HashSet<string>? appliedHere)
        {
            if (s.TryGetProperty("discriminator", out _) && instance.ValueKind == JsonValueKind.Object)
            {
                // Honour discriminator.propertyName + mapping: the value picks exactly one schema.
                string? target = DiscriminatorTarget(s, branches, instance, pointer, errors, ctx, report: true);
                if (target != null) ApplyRef(target, instance, pointer, errors, ctx, depth, appliedHere, refName);
                return;
            }

            // No discriminator: oneOf is deliberately treated as anyOf (>= 1 branch) because Pinterest's
            // non-discriminated oneOfs overlap (see class remarks); "exactly one" would reject valid requests.
            var failures = new List<KeyValuePair<string, List<ContractViolation>>>();
            int index = 0;
            foreach (JsonElement branch in branches.EnumerateArray())
            {
                var tmp = new List<ContractViolation>();
                Validate(branch, instance, pointer, tmp, ctx, depth + 1, appliedHere);
                if (tmp.Count == 0) return;
                failures.Add(new KeyValuePair<string, List<ContractViolation>>(BranchLabel(branch, index), tmp));
                index++;
            }

            if (failures.Count == 0) return;

            // When all but one branch fail on the top-level type, the remaining branch is clearly the intended one:
            // report its violations directly (precise pointers) instead of a summary.
            var plausible = failures.Where(f => !(f.Value.Count == 1 && f.Value[0].JsonPointer == pointer && f.Value[0].Message.StartsWith("expected ", StringComparison.Ordinal))).ToList();
            if (plausible.Count == 1)
            {
                errors.AddRange(plausible[0].Value);
                return;
            }

            // Otherwise pick the branch that got furthest into the instance (deepest violation, then fewest
            // violations) when it is a unique best, and report its violations, naming the alternative.
            var ranked = plausible
                .Select(f => new { f.Key, f.Value, Depth = f.Value.Max(v => PointerDepth(v.JsonPointer)), f.Value.Count })
                .OrderByDescending(f => f.Depth).ThenBy(f => f.Count)
                .ToList();
            if (ranked.Count > 1 && (ranked[0].Depth > ranked[1].Depth || (ranked[0].Depth == ranked[1].Depth && ranked[0].Count < ranked[1].Count)))
            {
                string note = " (closest of the " + failures.Count + " " + keyword + " alternatives: " + ranked[0].Key + ")";
                errors.AddRange(ranked[0].Value.Select(v => v.Message.EndsWith(")", StringComparison.Ordinal) && v.Message.Contains(" alternatives: ")
                    ? v
                    : new ContractViolation(v.Location, v.JsonPointer, v.Message + note)));
                return;
            }

            var sb = new StringBuilder();
            sb.Append("value matches none of the ").Append(failures.Count).Append(" alternatives of ").Append(keyword).Append(':');
            foreach (var failure in failures.Take(6))
            {
                string detail = string.Join("; ", failure.Value.Take(2).Select(v => Relative(v.JsonPointer, pointer) + v.Message));
                if (failure.Value.Count > 2) detail += "; ...";
                if (detail.Length > 240) detail = detail.Substring(0, 237) + "...";
                sb.Append(" [").Append(failure.Key).Append("] ").Append(detail);
            }

            if (failures.Count > 6) sb.Append(" ... (").Append(failures.Count - 6).Append(" more)");
            errors.Add(new ContractViolation(ctx.Location, pointer, sb.ToString()));
        }

        private static int PointerDepth(string pointer)
        {
            int depth = 0;
            foreach (char c in pointer)
            {
                if (c == '/') depth++;
            }

            return depth;
        }

        private string? DiscriminatorTarget(JsonElement s, JsonElement? branches, JsonElement instance, string pointer, List<ContractViolation> errors, Context ctx, bool report)
        {
            JsonElement disc = s.GetProperty("discriminator");
            if (disc.ValueKind != JsonValueKind.Object
                || !disc.TryGetProperty("propertyName", out JsonElement pn)
                || pn.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            string propertyName = pn.GetString() ?? string.Empty;
            var candidates = new List<KeyValuePair<string, string>>(); // discriminator value -> $ref
            bool hasMapping = disc.TryGetProperty("mapping", out JsonElement mapping) && mapping.ValueKind == JsonValueKind.Object;
            if (hasMapping)
            {
                foreach (JsonProperty m in mapping.EnumerateObject())
                {
                    if (m.Value.ValueKind != JsonValueKind.String) continue;
                    string target = m.Value.GetString() ?? string.Empty;
                    if (target.Length > 0 && target[0] != '#') target = "#/components/schemas/" + target;
                    candidates.Add(new KeyValuePair<string, string>(m.Name, target));
                }
            }

            if (branches != null)
            {
                // Implicit mapping: the schema name of each $ref branch.
                foreach (JsonElement branch in branches.Value.EnumerateArray())
                {
                    if (branch.ValueKind == JsonValueKind.Object && branch.TryGetProperty("$ref", out JsonElement r) && r.ValueKind == JsonValueKind.String)
                    {
                        string reference = r.GetString() ?? string.Empty;
                        string name = reference.Substring(reference.LastIndexOf('/') + 1);
                        if (!candidates.Any(c => c.Key == name)) candidates.Add(new KeyValuePair<string, string>(name, reference));
                    }
                }
            }

            string childPointer = pointer + "/" + EscapeToken(propertyName);
            if (!instance.TryGetProperty(propertyName, out JsonElement value))
            {
                if (report)
                {
                    errors.Add(new ContractViolation(ctx.Location, childPointer, "discriminator property '" + propertyName + "' is missing; expected one of: " + ExpectedKeys(candidates, hasMapping, mapping)));
                }

                return null;
            }

            if (value.ValueKind != JsonValueKind.String)
            {
                if (report) errors.Add(new ContractViolation(ctx.Location, childPointer, "discriminator property '" + propertyName + "' must be a string, found " + Describe(value)));
                return null;
            }

            string key = value.GetString() ?? string.Empty;
            foreach (var c in candidates)
            {
                if (string.Equals(c.Key, key, StringComparison.Ordinal)) return c.Value;
            }

            if (!hasMapping && branches == null && ResolveRef("#/components/schemas/" + key) != null)
            {
                return "#/components/schemas/" + key;
            }

            if (report)
            {
                errors.Add(new ContractViolation(ctx.Location, childPointer, "discriminator value \"" + key + "\" is not one of: " + ExpectedKeys(candidates, hasMapping, mapping)));
            }

            return null;
        }

        private static string ExpectedKeys(List<KeyValuePair<string, string>> candidates, bool hasMapping, JsonElement mapping)
            => hasMapping
                ? string.Join(", ", mapping.EnumerateObject().Select(m => m.Name))
                : string.Join(", ", candidates.Select(c => c.Key));

        private void ValidateString(JsonElement s, string value, string pointer, List<ContractViolation> errors, Context ctx)
        {
            int length = -1;
            if (TryGetInt(s, "minLength", out int minLength))
            {
                length = CodePointLength(value);
                if (length < minLength) errors.Add(new ContractViolation(ctx.Location, pointer, "string is " + length + " characters long; minLength is " + minLength));
            }

            if (TryGetInt(s, "maxLength", out int maxLength))
            {
                if (length < 0) length = CodePointLength(value);
                if (length > maxLength) errors.Add(new ContractViolation(ctx.Location, pointer, "string is " + length + " characters long; maxLength is " + maxLength));
            }

            if (s.TryGetProperty("pattern", out JsonElement p) && p.ValueKind == JsonValueKind.String)
            {
                string pattern = p.GetString() ?? string.Empty;
                try
                {
                    if (!EcmaRegex.Get(pattern).IsMatch(value))
                    {
                        errors.Add(new ContractViolation(ctx.Location, pointer, "value " + Quote(value) + " does not match pattern " + pattern));
                    }
                }
                catch (RegexMatchTimeoutException)
                {
                    errors.Add(new ContractViolation(ctx.Location, pointer, "pattern " + pattern + " timed out on value " + Quote(value)));
                }
                catch (ArgumentException ex)
                {
                    errors.Add(new ContractViolation(ctx.Location, pointer, "(spec problem) pattern " + pattern + " is not a usable regex: " + ex.Message));
                }
            }

            if (s.TryGetProperty("format", out JsonElement f) && f.ValueKind == JsonValueKind.String)
            {
                string format = f.GetString() ?? string.Empty;
                if (format == "date")
                {
                    if (!DateRegex.IsMatch(value) || !DateTime.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    {
                        errors.Add(new ContractViolation(ctx.Location, pointer, "value " + Quote(value) + " is not a valid date (format: date, YYYY-MM-DD)"));
                    }
                }
                else if (format == "date-time")
                {
                    if (!DateTimeRegex.IsMatch(value) || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    {
                        errors.Add(new ContractViolation(ctx.Location, pointer, "value " + Quote(value) + " is not a valid RFC 3339 date-time (format: date-time)"));
                    }
                }
            }
        }

        private static void ValidateNumber(JsonElement s, JsonElement instance, string pointer, List<ContractViolation> errors, Context ctx)
        {
            string raw = instance.GetRawText();
            if (s.TryGetProperty("format", out JsonElement f) && f.ValueKind == JsonValueKind.String && IsIntegerLiteral(raw))
            {
                string format = f.GetString() ?? string.Empty;
                if (format == "int32" && !instance.TryGetInt32(out _))
                {
                    errors.Add(new ContractViolation(ctx.Location, pointer, "value " + raw + " is outside the int32 range (-2147483648..2147483647)"));
                }
                else if (format == "int64" && !instance.TryGetInt64(out _))
                {
                    errors.Add(new ContractViolation(ctx.Location, pointer, "value " + raw + " is outside the int64 range"));
                }
            }

            if (s.TryGetProperty("minimum", out JsonElement min) && min.ValueKind == JsonValueKind.Number)
            {
                bool exclusive = GetBool(s, "exclusiveMinimum");
                int cmp = Compare(instance, min);
                if (cmp < 0 || (exclusive && cmp == 0))
                {
                    errors.Add(new ContractViolation(ctx.Location, pointer, "value " + raw + " is less than " + (exclusive ? "or equal to the exclusive " : "the ") + "minimum " + min.GetRawText()));
                }
            }
            else if (s.TryGetProperty("exclusiveMinimum", out JsonElement exMin) && exMin.ValueKind == JsonValueKind.Number && Compare(instance, exMin) <= 0)
            {
                errors.Add(new ContractViolation(ctx.Location, pointer, "value " + raw + " must be greater than " + exMin.GetRawText()));
            }

            if (s.TryGetProperty("maximum", out JsonElement max) && max.ValueKind == JsonValueKind.Number)
            {
                bool exclusive = GetBool(s, "exclusiveMaximum");
                int cmp = Compare(instance, max);
                if (cmp > 0 || (exclusive && cmp == 0))
                {
                    errors.Add(new ContractViolation(ctx.Location, pointer, "value " + raw + " is greater than " + (exclusive ? "or equal to the exclusive " : "the ") + "maximum " + max.GetRawText()));
                }
            }
            else if (s.TryGetProperty("exclusiveMaximum", out JsonElement exMax) && exMax.ValueKind == JsonValueKind.Number && Compare(instance, exMax) >= 0)
            {
                errors.Add(new ContractViolation(ctx.Location, pointer, "value " + raw + " must be less than " + exMax.GetRawText()));
            }

            if (s.TryGetProperty("multipleOf", out JsonElement mult) && mult.ValueKind == JsonValueKind.Number
                && instance.TryGetDecimal(out decimal dv) && mult.TryGetDecimal(out decimal dm) && dm != 0m && dv % dm != 0m)
            {
                errors.Add(new ContractViolation(ctx.Location, pointer, "value " + raw + " is not a multiple of " + mult.GetRawText()));
            }
        }

        private void ValidateArray(JsonElement s, JsonElement instance, string pointer, List<ContractViolation> errors, Context ctx, int depth)
        {
            int count = instance.GetArrayLength();
            if (TryGetInt(s, "minItems", out int minItems) && count < minItems)
            {
                errors.Add(new ContractViolation(ctx.Location, pointer, "array has " + count + " item" + (count == 1 ? string.Empty : "s") + "; minItems is " + minItems));
            }

            if (TryGetInt(s, "maxItems", out int maxItems) && count > maxItems)
            {
                errors.Add(new ContractViolation(ctx.Location, pointer, "array has " + count + " items; maxItems is " + maxItems));
            }

            if (GetBool(s, "uniqueItems"))
            {
                var items = instance.EnumerateArray().ToList();
                for (int i = 0; i < items.Count; i++)
                {
                    for (int j = 0; j < i; j++)
                    {
                        if (JsonEquals(items[i], items[j]))
                        {
                            errors.Add(new ContractViolation(ctx.Location, pointer + "/" + i, "duplicate of item " + j + " (uniqueItems)"));
                            break;
                        }
                    }
                }
            }

            if (s.TryGetProperty("items", out JsonElement itemSchema) && (itemSchema.ValueKind == JsonValueKind.Object || itemSchema.ValueKind == JsonValueKind.False))
            {
                int i = 0;
                foreach (JsonElement item in instance.EnumerateArray())
                {
                    Validate(itemSchema, item, pointer + "/" + i.ToString(CultureInfo.InvariantCulture), errors, ctx, depth + 1, null);
                    i++;
                }
            }
        }

        private void ValidateObject(JsonElement s, JsonElement instance, string pointer, List<ContractViolation> errors, Context ctx, int depth)
        {
            bool hasProperties = s.TryGetProperty("properties", out JsonElement properties) && properties.ValueKind == JsonValueKind.Object;
            int count = 0;
            JsonElement additional = default;
            bool hasAdditional = s.TryGetProperty("additionalProperties", out additional);

            foreach (JsonProperty property in instance.EnumerateObject())
            {
                count++;
                string childPointer = pointer + "/" + EscapeToken(property.Name);
                if (hasProperties && properties.TryGetProperty(property.Name, out JsonElement propertySchema))
                {
                    Validate(propertySchema, property.Value, childPointer, errors, ctx, depth + 1, null);
                    continue;
                }

                if (!hasAdditional) continue; // OpenAPI default: additional properties allowed
                if (additional.ValueKind == JsonValueKind.False)
                {
                    string allowed = hasProperties ? string.Join(", ", properties.EnumerateObject().Select(p => p.Name)) : "(none)";
                    errors.Add(new ContractViolation(ctx.Location, childPointer, "property '" + property.Name + "' is not allowed here (additionalProperties: false); allowed properties: " + allowed));
                }
                else if (additional.ValueKind == JsonValueKind.Object)
                {
                    Validate(additional, property.Value, childPointer, errors, ctx, depth + 1, null);
                }
            }

            if (s.TryGetProperty("required", out JsonElement required) && required.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement r in required.EnumerateArray())
                {
                    if (r.ValueKind != JsonValueKind.String) continue;
                    string name = r.GetString() ?? string.Empty;
                    if (instance.TryGetProperty(name, out _)) continue;
                    if (hasProperties && properties.TryGetProperty(name, out JsonElement ps) && IsReadOnly(ps)) continue; // readOnly: required only in responses
                    errors.Add(new ContractViolation(ctx.Location, pointer + "/" + EscapeToken(name), "required property '" + name + "' is missing"));
                }
            }

            if (TryGetInt(s, "minProperties", out int minProperties) && count < minProperties)
            {
                errors.Add(new ContractViolation(ctx.Location, pointer, "object has " + count + " properties; minProperties is " + minProperties));
            }

            if (TryGetInt(s, "maxProperties", out int maxProperties) && count > maxProperties)
            {
                errors.Add(new ContractViolation(ctx.Location, pointer, "object has " + count + " properties; maxProperties is " + maxProperties));
            }
        }

        private bool IsReadOnly(JsonElement schema)
            => TryResolve(schema, out JsonElement resolved, out _) && resolved.ValueKind == JsonValueKind.Object && GetBool(resolved, "readOnly");

        // ------------------------------------------------------------------ helpers for parameter / form coercion

        /// <summary>The declared type of a schema, looking through $ref and allOf/anyOf/oneOf; null when untyped.</summary>
        public string? EffectiveType(JsonElement schema, int depth = 0)
        {
            if (depth > 16 || !TryResolve(schema, out JsonElement s, out _) || s.ValueKind != JsonValueKind.Object) return null;
            if (s.TryGetProperty("type", out JsonElement t) && t.ValueKind == JsonValueKind.String) return t.GetString();
            foreach (string keyword in new[] { "allOf", "anyOf", "oneOf" })
            {
                if (!s.TryGetProperty(keyword, out JsonElement branches) || branches.ValueKind != JsonValueKind.Array) continue;
                foreach (JsonElement branch in branches.EnumerateArray())
                {
                    string? type = EffectiveType(branch, depth + 1);
                    if (type != null) return type;
                }
            }

            return null;
        }

        /// <summary>The <c>items</c> schema of an array schema (looking through $ref/allOf); null when absent.</summary>
        public JsonElement? ItemsSchema(JsonElement schema, int depth = 0)
        {
            if (depth > 16 || !TryResolve(schema, out JsonElement s, out _) || s.ValueKind != JsonValueKind.Object) return null;
            if (s.TryGetProperty("items", out JsonElement items)) return items;
            if (s.TryGetProperty("allOf", out JsonElement allOf) && allOf.ValueKind == JsonValueKind.Array)
            {
                foreach (JsonElement branch in allOf.EnumerateArray())
                {
                    JsonElement? found = ItemsSchema(branch, depth + 1);
                    if (found != null) return found;
                }
            }

            return null;
        }

        /// <summary>Finds the schema of property <paramref name="name"/> anywhere in an object schema (properties, compositions, discriminator targets).</summary>
        public JsonElement? FindPropertySchema(JsonElement schema, string name, int depth = 0)
        {
            if (depth > 16 || !TryResolve(schema, out JsonElement s, out _) || s.ValueKind != JsonValueKind.Object) return null;
            if (s.TryGetProperty("properties", out JsonElement properties) && properties.ValueKind == JsonValueKind.Object
                && properties.TryGetProperty(name, out JsonElement found))
            {
                return found;
            }

            foreach (string keyword in new[] { "allOf", "anyOf", "oneOf" })
            {
                if (!s.TryGetProperty(keyword, out JsonElement branches) || branches.ValueKind != JsonValueKind.Array) continue;
                foreach (JsonElement branch in branches.EnumerateArray())
                {
                    JsonElement? r = FindPropertySchema(branch, name, depth + 1);
                    if (r != null) return r;
                }
            }

            if (s.TryGetProperty("discriminator", out JsonElement disc) && disc.ValueKind == JsonValueKind.Object
                && disc.TryGetProperty("mapping", out JsonElement mapping) && mapping.ValueKind == JsonValueKind.Object)
            {
                foreach (JsonProperty m in mapping.EnumerateObject())
                {
                    if (m.Value.ValueKind != JsonValueKind.String) continue;
                    JsonElement? target = ResolveRef(m.Value.GetString() ?? string.Empty);
                    if (target == null) continue;
                    JsonElement? r = FindPropertySchema(target.Value, name, depth + 1);
                    if (r != null) return r;
                }
            }

            if (s.TryGetProperty("additionalProperties", out JsonElement additional) && additional.ValueKind == JsonValueKind.Object) return additional;
            return null;
        }

        /// <summary>Writes a string parameter/form value as the JSON value its schema type implies (or a JSON string when it does not parse).</summary>
        public static void WriteCoerced(Utf8JsonWriter writer, string value, string? type)
        {
            switch (type)
            {
                case "integer":
                    if (IsIntegerLiteral(value))
                    {
                        writer.WriteRawValue(value, skipInputValidation: true);
                        return;
                    }

                    break;
                case "number":
                    if (JsonNumberRegex.IsMatch(value))
                    {
                        writer.WriteRawValue(value, skipInputValidation: true);
                        return;
                    }

                    break;
                case "boolean":
                    if (value == "true" || value == "false")
                    {
                        writer.WriteBooleanValue(value == "true");
                        return;
                    }

                    break;
            }

            writer.WriteStringValue(value);
        }

        /// <summary>Builds a detached <see cref="JsonElement"/> with a writer callback.</summary>
        public static JsonElement BuildJson(Action<Utf8JsonWriter> write)
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream))
            {
                write(writer);
            }

            using JsonDocument doc = JsonDocument.Parse(stream.ToArray());
            return doc.RootElement.Clone();
        }

        // ------------------------------------------------------------------ small utilities

        internal static bool IsIntegerLiteral(string raw)
        {
            if (raw.Length == 0) return false;
            int i = raw[0] == '-' ? 1 : 0;
            if (i == raw.Length) return false;
            if (raw[i] == '0' && raw.Length > i + 1) return false; // leading zeros are not JSON
            for (; i < raw.Length; i++)
            {
                if (raw[i] < '0' || raw[i] > '9') return false;
            }

            return true;
        }

        private static bool TypeMatches(string type, JsonElement v)
        {
            switch (type)
            {
                case "object": return v.ValueKind == JsonValueKind.Object;
                case "array": return v.ValueKind == JsonValueKind.Array;
                case "string": return v.ValueKind == JsonValueKind.String;
                case "boolean": return v.ValueKind == JsonValueKind.True || v.ValueKind == JsonValueKind.False;
                case "number": return v.ValueKind == JsonValueKind.Number;
                case "integer": return v.ValueKind == JsonValueKind.Number && IsIntegerLiteral(v.GetRawText());
                default: return true;
            }
        }

        private static string TypeMismatchMessage(string type, JsonElement v)
        {
            if (type == "integer" && v.ValueKind == JsonValueKind.Number)
            {
                return "expected an integer literal but found " + v.GetRawText() + " (fractions/exponents are not integers)";
            }

            return "expected " + type + " but found " + Describe(v);
        }

        internal static string Describe(JsonElement v)
        {
            switch (v.ValueKind)
            {
                case JsonValueKind.String: return "string " + Quote(v.GetString() ?? string.Empty);
                case JsonValueKind.Number: return "number " + v.GetRawText();
                case JsonValueKind.True: return "boolean true";
                case JsonValueKind.False: return "boolean false";
                case JsonValueKind.Null: return "null";
                case JsonValueKind.Array: return "array (" + v.GetArrayLength() + " items)";
                case JsonValueKind.Object: return "object";
                default: return v.ValueKind.ToString();
            }
        }

        private static string Short(JsonElement v)
            => v.ValueKind == JsonValueKind.String ? Quote(v.GetString() ?? string.Empty) : v.ValueKind == JsonValueKind.Object || v.ValueKind == JsonValueKind.Array ? Describe(v) : v.GetRawText();

        private static string Quote(string s) => "\"" + (s.Length > 80 ? s.Substring(0, 77) + "..." : s) + "\"";

        private static string ListEnum(JsonElement enumEl)
        {
            var values = enumEl.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? string.Empty : e.GetRawText()).ToList();
            string shown = string.Join(", ", values.Take(MaxEnumValuesShown));
            return values.Count > MaxEnumValuesShown ? shown + ", ... (" + (values.Count - MaxEnumValuesShown) + " more)" : shown;
        }

        private static bool EnumContainsNull(JsonElement s)
            => s.TryGetProperty("enum", out JsonElement e) && e.ValueKind == JsonValueKind.Array && e.EnumerateArray().Any(x => x.ValueKind == JsonValueKind.Null);

        private static bool GetBool(JsonElement s, string name)
            => s.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.True;

        private static bool TryGetInt(JsonElement s, string name, out int value)
        {
            value = 0;
            return s.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out value);
        }

        private static int Compare(JsonElement a, JsonElement b)
        {
            if (a.TryGetDecimal(out decimal da) && b.TryGetDecimal(out decimal db)) return da.CompareTo(db);
            return a.GetDouble().CompareTo(b.GetDouble());
        }

        internal static bool JsonEquals(JsonElement a, JsonElement b)
        {
            if (a.ValueKind != b.ValueKind) return false;
            switch (a.ValueKind)
            {
                case JsonValueKind.String:
                    return string.Equals(a.GetString(), b.GetString(), StringComparison.Ordinal);
                case JsonValueKind.Number:
                    return a.TryGetDecimal(out decimal da) && b.TryGetDecimal(out decimal db) ? da == db : a.GetDouble().Equals(b.GetDouble());
                case JsonValueKind.Array:
                    if (a.GetArrayLength() != b.GetArrayLength()) return false;
                    return a.EnumerateArray().Zip(b.EnumerateArray(), (x, y) => JsonEquals(x, y)).All(eq => eq);
                case JsonValueKind.Object:
                    var pa = a.EnumerateObject().ToList();
                    if (pa.Count != b.EnumerateObject().Count()) return false;
                    return pa.All(p => b.TryGetProperty(p.Name, out JsonElement other) && JsonEquals(p.Value, other));
                default:
                    return true; // true/false/null: same kind
            }
        }

        private static int CodePointLength(string s)
        {
            int n = 0;
            for (int i = 0; i < s.Length; i++)
            {
                if (!char.IsLowSurrogate(s[i]) || i == 0 || !char.IsHighSurrogate(s[i - 1])) n++;
            }

            return n;
        }

        internal static string EscapeToken(string token) => token.Replace("~", "~0").Replace("/", "~1");

        private static string LastToken(string pointer)
        {
            int slash = pointer.LastIndexOf('/');
            string token = slash < 0 ? pointer : pointer.Substring(slash + 1);
            return token.Replace("~1", "/").Replace("~0", "~");
        }

        private static string Relative(string childPointer, string pointer)
        {
            string rest = childPointer.Length >= pointer.Length && childPointer.StartsWith(pointer, StringComparison.Ordinal) ? childPointer.Substring(pointer.Length) : childPointer;
            return rest.Length == 0 ? string.Empty : rest + ": ";
        }

        private string BranchLabel(JsonElement branch, int index)
        {
            if (branch.ValueKind == JsonValueKind.Object)
            {
                if (branch.TryGetProperty("$ref", out JsonElement r) && r.ValueKind == JsonValueKind.String)
                {
                    string reference = r.GetString() ?? string.Empty;
                    return reference.Substring(reference.LastIndexOf('/') + 1);
                }

                if (branch.TryGetProperty("title", out JsonElement t) && t.ValueKind == JsonValueKind.String) return t.GetString() ?? "#" + index;
                string? type = EffectiveType(branch);
                if (type != null) return "#" + index + " " + type;
            }

            return "#" + index;
        }
    }
}
