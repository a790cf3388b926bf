using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace PinterestAds.Core.Diagnostics
{
    /// <summary>
    /// Masks secrets in text that is about to leave Core (debug traces, error messages). It knows
    /// the field names OAuth uses and also every token value the process has seen, so a secret
    /// echoed back in an unexpected place is still caught.
    /// </summary>
    public static class SecretRedactor
    {
        public const string Mask = "***";

        // Besides OAuth's, the upload credentials POST /media returns (S3 POST-policy fields): with
        // them anyone could upload to that media's key until the policy expires.
        private static readonly string[] SecretFields = { "access_token", "refresh_token", "client_secret", "code", "password", "token", "id_token", "x-amz-security-token", "x-amz-signature", "x-amz-credential" };

        // "field": "value" in JSON (also a value cut off at the end of an excerpt) and field=value
        // in forms and query strings.
        private static readonly Regex JsonField = new Regex(
            "(\"(?:" + string.Join("|", SecretFields) + ")\"\\s*:\\s*\")[^\"]*(\"|$)",
            RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Regex FormField = new Regex(
            "(?<=(?:^|[?&\\s])(?:" + string.Join("|", SecretFields) + ")=)[^&\\s]*",
            RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly object Gate = new object();
        private static readonly HashSet<string> KnownSecrets = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Remembers a secret value so it is masked wherever it turns up.</summary>
        public static void Register(string? secret)
        {
            // Short strings would mask ordinary words; real secrets are long.
            if (string.IsNullOrEmpty(secret) || secret!.Length < 8)
            {
                return;
            }

            lock (Gate)
            {
                KnownSecrets.Add(secret);
            }
        }

        public static string Redact(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return text ?? string.Empty;
            }

            string result = JsonField.Replace(text, "$1" + Mask + "$2");
            result = FormField.Replace(result, Mask);
            lock (Gate)
            {
                foreach (var secret in KnownSecrets)
                {
                    result = result.Replace(secret, Mask);
                }
            }

            return result;
        }
    }
}
