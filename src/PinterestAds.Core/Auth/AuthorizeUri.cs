using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;

namespace PinterestAds.Core.Auth
{
    /// <summary>Builds the authorize page address of the browser sign-in and its random <c>state</c>.</summary>
    internal static class AuthorizeUri
    {
        public static string NewState()
        {
            byte[] bytes = new byte[24];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(bytes);
            }

            return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        }

        /// <summary><c>{authorize}?client_id&amp;redirect_uri&amp;response_type=code&amp;scope=a,b&amp;state</c> (scopes comma-separated).</summary>
        public static Uri Build(Uri authorizeUri, string clientId, Uri redirectUri, IEnumerable<string> scopes, string state)
        {
            var query = new[]
            {
                ("client_id", clientId),
                ("redirect_uri", redirectUri.ToString()),
                ("response_type", "code"),
                ("scope", string.Join(",", scopes)),
                ("state", state),
            };
            var builder = new UriBuilder(authorizeUri)
            {
                Query = string.Join("&", query.Select(p => p.Item1 + "=" + Escape(p.Item2, keepScopeSeparators: p.Item1 == "scope"))),
            };
            return builder.Uri;
        }

        // ':' and ',' are legal in a query, and Pinterest's documentation shows scopes unescaped.
        private static string Escape(string value, bool keepScopeSeparators)
        {
            string escaped = Uri.EscapeDataString(value);
            return keepScopeSeparators ? escaped.Replace("%3A", ":").Replace("%2C", ",") : escaped;
        }
    }
}
