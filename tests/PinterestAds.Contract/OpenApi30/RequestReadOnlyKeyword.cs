using Json.Schema;
using Json.Schema.Keywords;

namespace PinterestAds.Contract.OpenApi30
{
    /// <summary><c>readOnly: true</c> in a request: the server sets the value, so sending one is a violation.</summary>
    internal sealed class RequestReadOnlyKeyword : ReadOnlyKeyword
    {
        public override KeywordEvaluation Evaluate(KeywordData keyword, EvaluationContext context)
        {
            if (keyword.RawValue.ValueKind != System.Text.Json.JsonValueKind.True) return base.Evaluate(keyword, context);
            string location = context.InstanceLocation.ToString();
            string property = location.Substring(location.LastIndexOf('/') + 1);
            return new KeywordEvaluation
            {
                Keyword = Name,
                IsValid = false,
                Error = "'" + property + "' is readOnly (set by the server) and must not be sent in a request",
            };
        }
    }
}
