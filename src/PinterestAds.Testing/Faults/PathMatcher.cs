using System;
using System.Text.RegularExpressions;

namespace PinterestAds.Testing.Faults
{
    /// <summary>
    /// Matches request paths for fault rules: a pattern starting with '^' is a regex; otherwise
    /// an exact path where a '*' segment matches any one segment. Exact paths may omit the
    /// <c>/v5</c> base path, so <c>/ad_accounts</c> and <c>/v5/ad_accounts</c> mean the same.
    /// </summary>
    internal sealed class PathMatcher
    {
        private readonly Regex _regex;

        public PathMatcher(string pattern)
        {
            if (string.IsNullOrEmpty(pattern))
            {
                throw new ArgumentException("A path pattern is required.", nameof(pattern));
            }

            Pattern = pattern;
            if (pattern.StartsWith("^", StringComparison.Ordinal))
            {
                _regex = new Regex(pattern, RegexOptions.CultureInvariant);
            }
            else
            {
                string trimmed = pattern.Length > 1 ? pattern.TrimEnd('/') : pattern;
                string body = Regex.Escape(trimmed).Replace("\\*", "[^/]+");
                // "/oauth/token" means the token endpoint (/v5/oauth/token); "/oauth" also matches the authorize page.
                string prefix = trimmed == "/v5" || trimmed.StartsWith("/v5/", StringComparison.Ordinal) ? string.Empty : "(?:/v5)?";
                _regex = new Regex("^" + prefix + body + "/?$", RegexOptions.CultureInvariant);
            }
        }

        public string Pattern { get; }

        public bool IsMatch(string path) => _regex.IsMatch(path);
    }
}
