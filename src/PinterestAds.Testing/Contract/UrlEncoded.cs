using System.Collections.Generic;
using System.Net;

namespace PinterestAds.Testing.Contract
{
    /// <summary><c>application/x-www-form-urlencoded</c> text (a query string or a form body) as name/value pairs.</summary>
    internal static class UrlEncoded
    {
        /// <summary>The decoded pairs in order, repeated names kept; a leading <c>?</c> is ignored.</summary>
        public static List<KeyValuePair<string, string>> Parse(string? text)
        {
            var result = new List<KeyValuePair<string, string>>();
            if (string.IsNullOrEmpty(text)) return result;
            foreach (string part in text!.TrimStart('?').Split('&'))
            {
                if (part.Length == 0) continue;
                int eq = part.IndexOf('=');
                string key = WebUtility.UrlDecode(eq < 0 ? part : part.Substring(0, eq)) ?? string.Empty;
                string value = eq < 0 ? string.Empty : WebUtility.UrlDecode(part.Substring(eq + 1)) ?? string.Empty;
                result.Add(new KeyValuePair<string, string>(key, value));
            }

            return result;
        }
    }
}
