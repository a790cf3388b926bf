using System;
using System.Collections.Generic;
using System.Linq;

namespace PinterestAds.Testing.OAuth
{
    /// <summary>The 19 scopes the spec names, and the set the module asks for.</summary>
    internal static class OAuthScopes
    {
        public const string AdsRead = "ads:read";
        public const string AdsWrite = "ads:write";
        public const string UserAccountsRead = "user_accounts:read";

        public static readonly string[] All =
        {
            "ads:read", "ads:write", "billing:read", "billing:write", "biz_access:read", "biz_access:write",
            "boards:read", "boards:read_secret", "boards:write", "boards:write_secret", "catalogs:read",
            "catalogs:write", "msot:write", "pins:read", "pins:read_secret", "pins:write", "pins:write_secret",
            "user_accounts:read", "user_accounts:write",
        };

        /// <summary>What the module requests (FACTS §1); the default grant for test-issued tokens.</summary>
        public static readonly string[] ModuleDefault =
        {
            "ads:read", "ads:write", "boards:read", "boards:write", "pins:read", "pins:write", "user_accounts:read",
        };

        /// <summary>Scopes arrive comma-separated (Pinterest) or space-separated (RFC 6749); accept both.</summary>
        public static string[] Parse(string? value) =>
            (value ?? string.Empty).Split(new[] { ',', ' ', '+' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).ToArray();

        public static string[] Unknown(IEnumerable<string> scopes) => scopes.Where(s => !All.Contains(s, StringComparer.Ordinal)).ToArray();

        /// <summary>Pinterest returns granted scopes comma-joined.</summary>
        public static string Format(IEnumerable<string> scopes) => string.Join(",", scopes);
    }
}
