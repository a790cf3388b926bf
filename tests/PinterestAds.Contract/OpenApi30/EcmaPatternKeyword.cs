using System;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Json.Schema.Keywords;

namespace PinterestAds.Contract.OpenApi30
{
    /// <summary>
    /// <c>pattern</c> with ECMA-262 semantics. The library already uses <see cref="RegexOptions.ECMAScript"/>, which
    /// keeps <c>\d</c> to [0-9]; what it leaves is <c>$</c>: without the m flag ECMA's <c>$</c> matches only at the
    /// very end, while .NET's also matches before a final newline (so <c>^\d+$</c> would pass "123\n"). An unescaped
    /// <c>$</c> outside a character class becomes <c>\z</c>. Each distinct pattern is built once and shared (the
    /// library compiles one per schema node; Pinterest's 255 patterns are 17 distinct ones).
    /// </summary>
    internal sealed class EcmaPatternKeyword : PatternKeyword
    {
        private static readonly ConcurrentDictionary<string, Regex> Cache = new ConcurrentDictionary<string, Regex>(StringComparer.Ordinal);

        public override object? ValidateKeywordValue(JsonElement value)
        {
            if (value.ValueKind != JsonValueKind.String) throw new JsonSchemaException("'pattern' must be a string, found " + value.ValueKind);
            return Cache.GetOrAdd(value.GetString()!, p => new Regex(EndAnchorsAtEndOfInput(p), RegexOptions.ECMAScript | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(2)));
        }

        public override KeywordEvaluation Evaluate(KeywordData keyword, EvaluationContext context)
        {
            if (context.Instance.ValueKind != JsonValueKind.String) return KeywordEvaluation.Ignore;
            string value = context.Instance.GetString()!;
            bool matches = ((Regex)keyword.Value!).IsMatch(value);
            return new KeywordEvaluation
            {
                Keyword = Name,
                IsValid = matches,
                Error = matches ? null : "value " + JsonLiterals.Short(context.Instance) + " does not match pattern " + keyword.RawValue.GetString(),
            };
        }

        internal static string EndAnchorsAtEndOfInput(string pattern)
        {
            var translated = new StringBuilder(pattern.Length + 4);
            bool inClass = false;
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (c == '\\' && i + 1 < pattern.Length)
                {
                    translated.Append(c).Append(pattern[++i]);
                    continue;
                }

                if (c == '[') inClass = true;
                else if (c == ']') inClass = false;
                translated.Append(c == '$' && !inClass ? @"\z" : c.ToString());
            }

            return translated.ToString();
        }
    }
}
