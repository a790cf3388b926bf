using System.Linq;
using System.Text.Json;
using Json.Schema;
using Json.Schema.Keywords;

namespace PinterestAds.Contract.OpenApi30
{
    /// <summary><c>enum</c>, whose violation names the value sent and the values allowed (the library's message names neither).</summary>
    internal sealed class ListingEnumKeyword : IKeywordHandler
    {
        // Long enums (country codes, metrics) are cut in messages.
        private const int MaxValuesShown = 40;

        public string Name => "enum";

        public object? ValidateKeywordValue(JsonElement value) => EnumKeyword.Instance.ValidateKeywordValue(value);

        public void BuildSubschemas(KeywordData keyword, BuildContext context)
        {
        }

        public KeywordEvaluation Evaluate(KeywordData keyword, EvaluationContext context)
        {
            KeywordEvaluation result = EnumKeyword.Instance.Evaluate(keyword, context);
            if (result.IsValid) return result;
            return new KeywordEvaluation
            {
                Keyword = Name,
                IsValid = false,
                Error = "value " + JsonLiterals.Short(context.Instance) + " is not one of the allowed values: " + List(keyword.RawValue),
            };
        }

        private static string List(JsonElement values)
        {
            var names = values.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.GetRawText()).ToList();
            string shown = string.Join(", ", names.Take(MaxValuesShown));
            return names.Count > MaxValuesShown ? shown + ", ... (" + (names.Count - MaxValuesShown) + " more)" : shown;
        }
    }
}
