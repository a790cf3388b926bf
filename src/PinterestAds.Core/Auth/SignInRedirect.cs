using System;
using System.Collections.Generic;
using System.Net;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Auth
{
    /// <summary>
    /// One request that reached the redirect address, judged against the sign-in that is waiting:
    /// the authorization code, the sign-in's failure, or neither (a request that is not the
    /// redirect). A code is only accepted with the exact <c>state</c> this sign-in sent, so a
    /// response meant for another sign-in, or a forged one, is never redeemed.
    /// </summary>
    internal sealed class SignInRedirect
    {
        private SignInRedirect(SignInResponsePage page, string? code = null, PinterestAdsException? failure = null)
        {
            Page = page;
            Code = code;
            Failure = failure;
        }

        /// <summary>What the browser is shown.</summary>
        public SignInResponsePage Page { get; }

        /// <summary>The authorization code, when the state matched.</summary>
        public string? Code { get; }

        /// <summary>Why the sign-in ends without a code; null when it is the code, or not the redirect at all.</summary>
        public PinterestAdsException? Failure { get; }

        /// <param name="requestTarget">The request line's target, e.g. <c>/callback?code=…&amp;state=…</c>.</param>
        /// <param name="redirectPath">The absolute path of the registered redirect URI.</param>
        public static SignInRedirect Judge(string requestTarget, string redirectPath, string expectedState)
        {
            int question = requestTarget.IndexOf('?');
            string path = question < 0 ? requestTarget : requestTarget.Substring(0, question);
            var query = ParseQuery(question < 0 ? string.Empty : requestTarget.Substring(question + 1));
            if (!string.Equals(path, redirectPath, StringComparison.Ordinal) || (!query.ContainsKey("code") && !query.ContainsKey("error")))
            {
                return new SignInRedirect(SignInResponsePage.NotFound);
            }

            query.TryGetValue("state", out var state);
            if (!string.Equals(state, expectedState, StringComparison.Ordinal))
            {
                return new SignInRedirect(SignInResponsePage.Refused, failure: new PinterestAdsException(
                    "stateMismatch",
                    FailureKind.Authentication,
                    "The sign-in redirect carried a state that does not match the one this sign-in sent, so its authorization code was not used (the response belongs to another sign-in, or was forged).",
                    "Run Connect-PinterestAds again and complete only the newest sign-in in the browser."));
            }

            if (query.TryGetValue("error", out var error))
            {
                query.TryGetValue("error_description", out var description);
                return new SignInRedirect(SignInResponsePage.NotCompleted, failure: new PinterestAdsException(
                    "signInDenied",
                    FailureKind.Authentication,
                    SecretRedactor.Redact($"Pinterest did not grant access: {error}{(string.IsNullOrEmpty(description) ? string.Empty : " — " + description)}."),
                    "Run Connect-PinterestAds again and allow the app access in the browser."));
            }

            string code = query["code"];
            SecretRedactor.Register(code);
            return new SignInRedirect(SignInResponsePage.SignedIn, code: code);
        }

        private static Dictionary<string, string> ParseQuery(string query)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in query.Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = pair.IndexOf('=');
                string key = WebUtility.UrlDecode(equals < 0 ? pair : pair.Substring(0, equals));
                string value = equals < 0 ? string.Empty : WebUtility.UrlDecode(pair.Substring(equals + 1));

                // The first occurrence wins: a parameter repeated later cannot replace the state or the code.
                if (!result.ContainsKey(key))
                {
                    result[key] = value;
                }
            }

            return result;
        }
    }
}
