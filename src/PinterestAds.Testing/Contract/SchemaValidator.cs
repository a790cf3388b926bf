using System.Collections.Generic;
using System.Text.Json;

namespace PinterestAds.Testing.Contract
{
    /// <summary>
    /// OpenAPI 3.0 Schema Object validator over <see cref="JsonElement"/>s of a loaded spec document: resolves the
    /// schema, then hands the instance to the keyword groups (<see cref="TypeKeywords"/>, <see cref="StringKeywords"/>,
    /// <see cref="NumberKeywords"/>, <see cref="ArrayKeywords"/>, <see cref="ObjectKeywords"/>,
    /// <see cref="CompositionKeywords"/>), which call back here for nested schemas.
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
    /// discriminator is treated as <c>anyOf</c> (see <see cref="CompositionKeywords"/>).</item>
    /// <item>A <c>discriminator</c> on a schema without <c>oneOf</c>/<c>anyOf</c> (OauthAccessTokenRequest) additionally
    /// validates the instance against the mapped schema.</item>
    /// </list>
    /// </remarks>
    internal sealed class SchemaValidator
    {
        // Deeper than any real request; reached only by a recursive schema that makes no progress.
        private const int MaxDepth = 256;

        private readonly SchemaRefResolver _refs;
        private readonly ArrayKeywords _arrays;
        private readonly ObjectKeywords _objects;
        private readonly CompositionKeywords _compositions;

        public SchemaValidator(SchemaRefResolver refs, SchemaShape shape)
        {
            _refs = refs;
            _arrays = new ArrayKeywords(this);
            _objects = new ObjectKeywords(this, refs);
            _compositions = new CompositionKeywords(this, refs, shape, new DiscriminatorResolver(refs));
        }

        /// <summary>Validates <paramref name="instance"/> against <paramref name="schema"/>, appending violations.</summary>
        public void Validate(JsonElement schema, JsonElement instance, string pointer, List<ContractViolation> errors, ValidationContext ctx)
            => Validate(schema, instance, pointer, errors, ctx, 0, null);

        /// <summary>
        /// The recursion the keyword groups use for nested schemas. <paramref name="appliedHere"/> carries the
        /// discriminator targets already applied at this instance location (compositions pass it on; property and
        /// item schemas start afresh with null).
        /// </summary>
        internal void Validate(JsonElement schema, JsonElement instance, string pointer, List<ContractViolation> errors, ValidationContext ctx, int depth, HashSet<string>? appliedHere)
        {
            if (depth > MaxDepth)
            {
                errors.Add(ctx.Violation(pointer, "schema nesting too deep (recursive schema without progress?)"));
                return;
            }

            if (!_refs.TryResolve(schema, out JsonElement s, out string? refName))
            {
                errors.Add(ctx.Violation(pointer, "(spec problem) cannot resolve $ref '" + refName + "'"));
                return;
            }

            // Boolean schemas: true admits anything, false nothing.
            if (s.ValueKind == JsonValueKind.True) return;
            if (s.ValueKind == JsonValueKind.False)
            {
                errors.Add(ctx.Violation(pointer, "no value is allowed here"));
                return;
            }

            if (s.ValueKind != JsonValueKind.Object) return;

            if (!ctx.AllowReadOnly && s.IsTrue("readOnly"))
            {
                errors.Add(ctx.Violation(pointer, "'" + JsonPointer.LastToken(pointer) + "' is readOnly (set by the server) and must not be sent in a request"));
                return;
            }

            if (!TypeKeywords.Validate(s, instance, pointer, errors, ctx)) return;

            switch (instance.ValueKind)
            {
                case JsonValueKind.String:
                    StringKeywords.Validate(s, instance.GetString() ?? string.Empty, pointer, errors, ctx);
                    break;
                case JsonValueKind.Number:
                    NumberKeywords.Validate(s, instance, pointer, errors, ctx);
                    break;
                case JsonValueKind.Array:
                    _arrays.Validate(s, instance, pointer, errors, ctx, depth);
                    break;
                case JsonValueKind.Object:
                    _objects.Validate(s, instance, pointer, errors, ctx, depth);
                    break;
            }

            _compositions.Validate(s, refName, instance, pointer, errors, ctx, depth, appliedHere);
        }
    }
}
