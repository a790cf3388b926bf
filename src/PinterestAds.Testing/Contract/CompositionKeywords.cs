using System;
using System.Collections.Generic;
using System.Text.Json;

namespace PinterestAds.Testing.Contract
{
    /// <summary>
    /// Composition keywords: <c>allOf</c>, <c>anyOf</c>/<c>oneOf</c> (with or without a <c>discriminator</c>),
    /// a <c>discriminator</c> on a plain schema, and <c>not</c>.
    /// </summary>
    /// <remarks>
    /// <c>oneOf</c> WITHOUT a discriminator is treated as <c>anyOf</c> (at least one branch) because several of
    /// Pinterest's non-discriminated oneOfs have overlapping branches (e.g. AdPreviewRequest's three inline objects
    /// without required keys, and BulkUpsertRequestCreate product groups where the vertical request is a superset),
    /// so "exactly one" would reject valid requests.
    /// </remarks>
    internal sealed class CompositionKeywords(SchemaValidator validator, SchemaRefResolver refs, SchemaShape shape, DiscriminatorResolver discriminators)
    {
        private static readonly string[] Alternatives = { "anyOf", "oneOf" };

        /// <param name="s">The resolved schema.</param>
        /// <param name="refName">The reference <paramref name="s"/> was reached through, if any.</param>
        /// <param name="instance">The value validated.</param>
        /// <param name="pointer">Where the value is.</param>
        /// <param name="errors">Violations found are added here.</param>
        /// <param name="ctx">The validation context.</param>
        /// <param name="depth">Nesting depth of <paramref name="s"/>.</param>
        /// <param name="appliedHere">Discriminator targets already applied at this location (see <see cref="ApplyTarget"/>).</param>
        public void Validate(JsonElement s, string? refName, JsonElement instance, string pointer, List<ContractViolation> errors, ValidationContext ctx, int depth, HashSet<string>? appliedHere)
        {
            if (s.TryGetArray("allOf", out JsonElement allOf))
            {
                foreach (JsonElement branch in allOf.EnumerateArray())
                {
                    validator.Validate(branch, instance, pointer, errors, ctx, depth + 1, appliedHere);
                }
            }

            bool hasAlternatives = false;
            foreach (string keyword in Alternatives)
            {
                if (!s.TryGetArray(keyword, out JsonElement branches)) continue;
                hasAlternatives = true;
                ValidateAlternatives(s, keyword, branches, refName, instance, pointer, errors, ctx, depth, appliedHere);
            }

            if (!hasAlternatives && s.TryGetProperty("discriminator", out JsonElement discriminator) && instance.ValueKind == JsonValueKind.Object)
            {
                // A discriminator on a plain schema (OauthAccessTokenRequest): the mapped schema applies as well. The
                // plain schema's own keywords judge a missing or unknown value, so no problem is reported here.
                string? target = discriminators.FindTarget(discriminator, null, instance, pointer, ctx, out _);
                if (target != null && !string.Equals(target, refName, StringComparison.Ordinal))
                {
                    ApplyTarget(target, instance, pointer, errors, ctx, depth, appliedHere, refName);
                }
            }

            if (s.TryGetObject("not", out JsonElement not))
            {
                var notErrors = new List<ContractViolation>();
                validator.Validate(not, instance, pointer, notErrors, ctx, depth + 1, null);
                if (notErrors.Count == 0) errors.Add(ctx.Violation(pointer, "value must NOT match the 'not' schema"));
            }
        }

        private void ValidateAlternatives(JsonElement s, string keyword, JsonElement branches, string? refName, JsonElement instance, string pointer, List<ContractViolation> errors, ValidationContext ctx, int depth, HashSet<string>? appliedHere)
        {
            if (s.TryGetProperty("discriminator", out JsonElement discriminator) && instance.ValueKind == JsonValueKind.Object)
            {
                // The discriminator value picks exactly one schema.
                string? target = discriminators.FindTarget(discriminator, branches, instance, pointer, ctx, out ContractViolation? problem);
                if (problem != null) errors.Add(problem);
                if (target != null) ApplyTarget(target, instance, pointer, errors, ctx, depth, appliedHere, refName);
                return;
            }

            // No discriminator: at least one branch must match (see the class remarks).
            var failures = new List<BranchFailure>();
            int index = 0;
            foreach (JsonElement branch in branches.EnumerateArray())
            {
                var branchErrors = new List<ContractViolation>();
                validator.Validate(branch, instance, pointer, branchErrors, ctx, depth + 1, appliedHere);
                if (branchErrors.Count == 0) return;
                failures.Add(new BranchFailure(BranchLabel(branch, index), branchErrors));
                index++;
            }

            AlternativesReport.Report(failures, keyword, pointer, errors, ctx);
        }

        /// <summary>
        /// Validates against a discriminator's target schema. A target usually includes (allOf) the base schema that
        /// holds the discriminator, which would select the same target again: each target applies once per location.
        /// </summary>
        private void ApplyTarget(string target, JsonElement instance, string pointer, List<ContractViolation> errors, ValidationContext ctx, int depth, HashSet<string>? appliedHere, string? currentRef)
        {
            if (appliedHere != null && appliedHere.Contains(target)) return;
            var applied = appliedHere == null ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(appliedHere, StringComparer.Ordinal);
            applied.Add(target);
            if (currentRef != null) applied.Add(currentRef);
            JsonElement? resolved = refs.ResolveRef(target);
            if (resolved == null)
            {
                errors.Add(ctx.Violation(pointer, "(spec problem) cannot resolve discriminator mapping '" + target + "'"));
                return;
            }

            validator.Validate(resolved.Value, instance, pointer, errors, ctx, depth + 1, applied);
        }

        /// <summary>How a summary names a branch: its schema name, its title, else its index and type.</summary>
        private string BranchLabel(JsonElement branch, int index)
        {
            if (branch.ValueKind == JsonValueKind.Object)
            {
                if (branch.TryGetString("$ref", out string reference)) return DiscriminatorResolver.SchemaName(reference);
                if (branch.TryGetString("title", out string title)) return title;
                string? type = shape.EffectiveType(branch);
                if (type != null) return "#" + index + " " + type;
            }

            return "#" + index;
        }
    }
}
