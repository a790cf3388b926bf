using System.Text.Json;
using Json.Schema;
using Json.Schema.Keywords;

namespace PinterestAds.Contract.OpenApi30
{
    /// <summary>
    /// <c>type</c>, where <c>integer</c> means an integer literal: <c>1.0</c> and <c>5E+06</c> are integers to JSON
    /// Schema but are what a serialised [double] looks like, and Pinterest parses integers strictly.
    /// </summary>
    internal sealed class IntegerLiteralTypeKeyword : IKeywordHandler
    {
        public string Name => "type";

        public object? ValidateKeywordValue(JsonElement value) => TypeKeyword.Instance.ValidateKeywordValue(value);

        public void BuildSubschemas(KeywordData keyword, BuildContext context)
        {
        }

        public KeywordEvaluation Evaluate(KeywordData keyword, EvaluationContext context)
        {
            JsonElement instance = context.Instance;
            string expected = keyword.RawValue.ValueKind == JsonValueKind.String ? keyword.RawValue.GetString()! : keyword.RawValue.GetRawText();
            KeywordEvaluation result = TypeKeyword.Instance.Evaluate(keyword, context);
            if (!result.IsValid) return Failure("expected " + expected + " but found " + JsonLiterals.Describe(instance));
            if (expected == "integer" && !JsonLiterals.IsInteger(instance.GetRawText()))
            {
                return Failure("expected an integer literal but found " + instance.GetRawText() + " (fractions and exponents are not integers)");
            }

            return result;
        }

        private KeywordEvaluation Failure(string message) => new KeywordEvaluation { Keyword = Name, IsValid = false, Error = message };
    }
}
