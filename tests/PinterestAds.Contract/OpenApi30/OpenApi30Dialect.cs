using System;
using System.Text.Json;
using Json.Schema;

namespace PinterestAds.Contract.OpenApi30
{
    /// <summary>
    /// JSON Schema 2020-12 as OpenAPI 3.0 means it for a request, over the schemas <see cref="SchemaTranslator"/> writes:
    /// integers are integer literals, <c>pattern</c> is ECMA-262, <c>readOnly</c> may not be sent, enum violations
    /// name the allowed values, and the formats Pinterest uses are checked (<c>date</c>, <c>date-time</c>,
    /// <c>int32</c>, <c>int64</c>) or, where OpenAPI makes them descriptive only (<c>float</c>, <c>double</c>,
    /// <c>password</c>), accepted.
    /// </summary>
    internal static class OpenApi30Dialect
    {
        public static Dialect Dialect { get; } = Dialect.Draft202012.With(
            new IKeywordHandler[] { new IntegerLiteralTypeKeyword(), new ListingEnumKeyword(), new EcmaPatternKeyword(), new RequestReadOnlyKeyword() },
            new Uri("https://pinterestads.invalid/dialects/openapi-3.0-request"));

        public static EvaluationOptions EvaluationOptions { get; } = CreateEvaluationOptions();

        private static EvaluationOptions CreateEvaluationOptions()
        {
            var formats = new FormatRegistry();
            formats.Register(new PredicateFormat("int32", e => !IsIntegerLiteral(e) || e.TryGetInt32(out _)));
            formats.Register(new PredicateFormat("int64", e => !IsIntegerLiteral(e) || e.TryGetInt64(out _)));
            foreach (string descriptive in new[] { "float", "double", "password" }) formats.Register(new PredicateFormat(descriptive, _ => true));
            return new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical, RequireFormatValidation = true, FormatRegistry = formats };
        }

        // A fraction or exponent is the type keyword's to refuse.
        private static bool IsIntegerLiteral(JsonElement e) => e.ValueKind == JsonValueKind.Number && JsonLiterals.IsInteger(e.GetRawText());
    }
}
