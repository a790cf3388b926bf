using System;
using System.Collections.Generic;

namespace PinterestAds.Testing.Http
{
    /// <summary>Parses <c>a=1&amp;b=x%20y</c> (query strings and form bodies) into ordered multi-valued pairs.</summary>
    internal static class QueryString
    {
        public static Dictionary<string, List<string>> Parse(string? raw)
        {
            var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            if (string.IsNullOrEmpty(raw))
            {
                return result;
            }

            foreach (string pair in raw!.Split('&'))
            {
                if (pair.Length == 0)
                {
                    continue;
                }

                int eq = pair.IndexOf('=');
                string name = Decode(eq < 0 ? pair : pair.Substring(0, eq));
                string value = eq < 0 ? string.Empty : Decode(pair.Substring(eq + 1));
                if (!result.TryGetValue(name, out var values))
                {
                    values = new List<string>();
                    result[name] = values;
                }

                values.Add(value);
            }

            return result;
        }

        public static string Decode(string value)
        {
            try
            {
                return Uri.UnescapeDataString(value.Replace('+', ' '));
            }
            catch (UriFormatException)
            {
                return value;
            }
        }

        public static string Encode(string value) => Uri.EscapeDataString(value);
    }
}
