using System;
using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace PinterestAds.Testing.Contract
{
    /// <summary>
    /// Turns the ECMA-262 regular expressions used by OpenAPI <c>pattern</c> into .NET regexes.
    /// <c>pattern</c> is an unanchored search (like <c>RegExp.test</c>). Differences handled:
    /// <list type="bullet">
    /// <item><c>\d</c>, <c>\w</c>, <c>\s</c> are ASCII in ECMA: use <see cref="RegexOptions.ECMAScript"/> when the pattern compiles under it.</item>
    /// <item>ECMA <c>$</c> (no <c>m</c> flag) matches only at the very end; .NET <c>$</c> also matches before a final
    /// <c>\n</c>, so an unescaped <c>$</c> outside a character class becomes <c>\z</c>.</item>
    /// </list>
    /// </summary>
    internal static class EcmaRegex
    {
        private static readonly ConcurrentDictionary<string, Regex> Cache = new ConcurrentDictionary<string, Regex>(StringComparer.Ordinal);
        private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

        /// <summary>Gets (cached) the .NET regex for an ECMA pattern; throws <see cref="ArgumentException"/> when it cannot be translated.</summary>
        public static Regex Get(string pattern) => Cache.GetOrAdd(pattern, Create);

        private static Regex Create(string pattern)
        {
            string translated = Translate(pattern);
            try
            {
                return new Regex(translated, RegexOptions.ECMAScript | RegexOptions.CultureInvariant, Timeout);
            }
            catch (ArgumentException)
            {
                // Constructs ECMAScript mode rejects (e.g. \p{..}, lookbehind): fall back to the default
                // engine but keep \d ASCII-only by spelling it out.
                return new Regex(translated.Replace(@"\d", "[0-9]"), RegexOptions.CultureInvariant, Timeout);
            }
        }

        internal static string Translate(string pattern)
        {
            var sb = new StringBuilder(pattern.Length + 8);
            bool inClass = false;
            for (int i = 0; i < pattern.Length; i++)
            {
                char c = pattern[i];
                if (c == '\\' && i + 1 < pattern.Length)
                {
                    sb.Append(c).Append(pattern[i + 1]);
                    i++;
                    continue;
                }

                if (inClass)
                {
                    if (c == ']') inClass = false;
                    sb.Append(c);
                    continue;
                }

                if (c == '[')
                {
                    inClass = true;
                    sb.Append(c);
                    // A leading ']' (or '^]') is literal in .NET but ends an empty class in ECMA; rare, ignored.
                    continue;
                }

                if (c == '$')
                {
                    sb.Append(@"\z");
                    continue;
                }

                sb.Append(c);
            }

            return sb.ToString();
        }
    }
}
