using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;

namespace PinterestAds.Core.Session
{
    /// <summary>
    /// The rules for Connect-PinterestAds' values, whether a parameter or a variable supplied them.
    /// Each error names the parameter (and the variable where there is one), so it is thrown
    /// before anything is sent.
    /// </summary>
    internal static class ConnectValidation
    {
        private static readonly Regex ScopePattern = new Regex("^[a-z_]+:[a-z_]+$", RegexOptions.CultureInvariant);

        /// <summary>The endpoint the parameters choose (-ApiBaseUri or -Environment, never both); null when they choose none.</summary>
        public static ApiEndpoint? ChosenEndpoint(ConnectInput input)
        {
            if (input.ApiBaseUri != null && input.Environment != null)
            {
                throw PinterestAdsException.InvalidArgument(nameof(ConnectInput.ApiBaseUri), "use either -ApiBaseUri or -Environment, not both.", input.ApiBaseUri);
            }

            return input.ApiBaseUri != null ? ApiEndpoint.Parse(input.ApiBaseUri, nameof(input.ApiBaseUri))
                : input.Environment is PinterestEnvironment chosen ? ApiEndpoint.For(chosen)
                : null;
        }

        /// <summary>The sign-in the caller asked for needs its token (or code) to be non-empty.</summary>
        public static void RequireCredential(SignInMethod requested, ConnectSettings settings)
        {
            switch (requested)
            {
                case SignInMethod.RefreshToken when settings.RefreshToken is null:
                    throw PinterestAdsException.InvalidArgument(nameof(ConnectInput.RefreshToken), "the refresh token is empty.");
                case SignInMethod.AccessToken when settings.AccessToken is null:
                    throw PinterestAdsException.InvalidArgument(nameof(ConnectInput.AccessToken), "the access token is empty.");
                case SignInMethod.AuthorizationCode when settings.AuthorizationCode is null:
                    throw PinterestAdsException.InvalidArgument(nameof(ConnectInput.AuthorizationCode), "the authorization code is empty.");
            }
        }

        public static string ClientId(string? clientId)
        {
            if (clientId is null)
            {
                throw new PinterestAdsException(
                    "missingClientId",
                    FailureKind.InvalidArgument,
                    $"-ClientId: no Pinterest app id was given. Pass -ClientId or set the environment variable {ConnectVariables.ClientId}.",
                    $"Pass -ClientId <app id> or set {ConnectVariables.ClientId} (the app id is shown in Pinterest's developer portal under My apps).");
            }

            // The id is part of the token cache's grant and lock keys, which use ':' as separator.
            if (clientId.Length > 64 || clientId.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == ':'))
            {
                throw PinterestAdsException.InvalidArgument(nameof(ConnectInput.ClientId), $"'{clientId}' is not a Pinterest app id (an id has no spaces or colons).", clientId);
            }

            return clientId;
        }

        /// <summary>Only an access-token sign-in can do without the app secret: every other one redeems or renews tokens.</summary>
        public static void RequireClientSecret(SignInMethod method, string? clientSecret)
        {
            if (clientSecret is null && method != SignInMethod.AccessToken)
            {
                throw new PinterestAdsException(
                    "missingClientSecret",
                    FailureKind.InvalidArgument,
                    $"-ClientSecret: no app secret was given. Pass -ClientSecret or set the environment variable {ConnectVariables.ClientSecret}; Pinterest needs it to issue and renew tokens.",
                    $"Pass -ClientSecret (Read-Host -AsSecureString) or set {ConnectVariables.ClientSecret}.");
            }
        }

        /// <summary>Scopes may come as separate values or one comma- or space-separated string.</summary>
        public static IReadOnlyList<string> Scopes(IReadOnlyList<string> scopes)
        {
            var cleaned = scopes.SelectMany(s => (s ?? string.Empty).Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToArray();
            foreach (var scope in cleaned)
            {
                if (!ScopePattern.IsMatch(scope))
                {
                    throw PinterestAdsException.InvalidArgument(nameof(ConnectInput.Scopes), $"'{scope}' is not a Pinterest scope such as ads:read.", scope);
                }
            }

            if (cleaned.Length == 0)
            {
                throw PinterestAdsException.InvalidArgument(nameof(ConnectInput.Scopes), "name at least one scope, such as ads:read.");
            }

            return cleaned;
        }

        public static Uri RedirectUri(string redirectUri)
        {
            if (!Uri.TryCreate(redirectUri.Trim(), UriKind.Absolute, out var redirect) || (redirect.Scheme != Uri.UriSchemeHttp && redirect.Scheme != Uri.UriSchemeHttps))
            {
                throw PinterestAdsException.InvalidArgument(nameof(ConnectInput.RedirectUri), $"'{redirectUri}' is not an absolute http(s) address such as http://localhost:8085/.", redirectUri);
            }

            return redirect;
        }

        public static int RequestsPerHour(int perHour) =>
            perHour >= 1 ? perHour : throw PinterestAdsException.InvalidArgument(nameof(ConnectInput.RequestsPerHour), $"{perHour} is not a positive number of requests.", perHour);
    }
}
