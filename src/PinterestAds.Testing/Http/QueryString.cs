using System;
using System.Collections.Generic;
using System.Net;

namespace PinterestAds.Testing.Http
{
    /// <summary>
    /// Parses <c>a=1&amp;b=x%20y</c> (query strings and form bodies) into ordered multi-valued pairs.
    /// Not QueryHelpers.ParseQuery (Microsoft.AspNetCore.WebUtilities, referenced here anyway): it
    /// folds names that differ only in case into one, and Pinterest's parameter names are
    /// case-sensitive, so the fake would accept what Pinterest ignores. Decoding is the BCL's.
    /// </summary>
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
                string name = WebUtility.UrlDecode(eq < 0 ? pair : pair.Substring(0, eq));
                string value = eq < 0 ? string.Empty : WebUtility.UrlDecode(pair.Substring(eq + 1));
                if (!result.TryGetValue(name, out var values))
                {
                    values = new List<string>();
                    result[name] = values;
                }

                values.Add(value);
            }

            return result;
        }
    }
}
