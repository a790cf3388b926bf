using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using PinterestAds.Core.Auth;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;
using PinterestAds.Core.Limiting;

namespace PinterestAds.Core.Session
{
    /// <summary>What the caller passed to Connect-PinterestAds, before environment defaults apply.</summary>
    internal sealed class ConnectInput
    {
        public SignInMethod Method { get; set; } = SignInMethod.Browser;

        /// <summary>-EnvironmentVariable: the tokens come from PINTEREST_ADS_REFRESH_TOKEN / PINTEREST_ADS_ACCESS_TOKEN.</summary>
        public bool FromEnvironment { get; set; }

        public string? ClientId { get; set; }

        public string? ClientSecret { get; set; }

        public PinterestEnvironment? Environment { get; set; }

        public string? ApiBaseUri { get; set; }

        public IReadOnlyList<string>? Scopes { get; set; }

        public string? RedisConfiguration { get; set; }

        public int? RequestsPerHour { get; set; }

        public string? TokenCachePath { get; set; }

        public string? RedirectUri { get; set; }

        public string? AuthorizationCode { get; set; }

        public string? RefreshToken { get; set; }

        public string? AccessToken { get; set; }
    }

    /// <summary>Everything a connect needs, validated; nothing has been sent yet.</summary>
    internal sealed class ConnectSettings
    {
        public const string ClientIdVariable = "PINTEREST_ADS_CLIENT_ID";
        public const string ClientSecretVariable = "PINTEREST_ADS_CLIENT_SECRET";
        public const string RefreshTokenVariable = "PINTEREST_ADS_REFRESH_TOKEN";
        public const string AccessTokenVariable = "PINTEREST_ADS_ACCESS_TOKEN";
        public const string ApiBaseUriVariable = "PINTEREST_ADS_API_BASE_URI";
        public const string RedisVariable = "PINTEREST_ADS_REDIS";
        public const string RequestsPerHourVariable = "PINTEREST_ADS_REQUESTS_PER_HOUR";
        public const string LimitMaxWaitVariable = "PINTEREST_ADS_LIMIT_MAX_WAIT";
        public const string TokenCacheVariable = "PINTEREST_ADS_TOKEN_CACHE";

        public static readonly Uri DefaultRedirectUri = new Uri("http://localhost:8085/");

        /// <summary>Everything the module's cmdlets need: ads, user accounts, pins and boards (pins and media need the pins/boards scopes).</summary>
        public static readonly IReadOnlyList<string> DefaultScopes = new[] { "ads:read", "ads:write", "user_accounts:read", "pins:read", "pins:write", "boards:read", "boards:write" };

        private static readonly Regex ScopePattern = new Regex("^[a-z_]+:[a-z_]+$", RegexOptions.CultureInvariant);

        public SignInMethod Method { get; private set; }

        public string ClientId { get; private set; } = string.Empty;

        public string? ClientSecret { get; private set; }

        public ApiEndpoint Endpoint { get; private set; } = ApiEndpoint.For(PinterestEnvironment.Production);

        public IReadOnlyList<string> Scopes { get; private set; } = DefaultScopes;

        public Uri RedirectUri { get; private set; } = DefaultRedirectUri;

        public string? AuthorizationCode { get; private set; }

        public string? RefreshToken { get; private set; }

        public string? AccessToken { get; private set; }

        /// <summary>The folder the user named for a persistent cache; null keeps the default (encrypted, or memory).</summary>
        public string? TokenCacheFolder { get; private set; }

        public BudgetOptions Budget { get; private set; } = new BudgetOptions();

        public TokenRefreshPolicy RefreshPolicy { get; set; } = TokenRefreshPolicy.Default;

        public TimeProvider Time { get; set; } = TimeProvider.System;

        /// <summary>False skips the OS key store probe (tests).</summary>
        public bool TryEncryptedCache { get; set; } = true;

        /// <summary>Applies environment defaults and validates; throws before anything is sent.</summary>
        public static ConnectSettings Resolve(ConnectInput input, Func<string, string?> environment)
        {
            string? Env(string name) => environment(name) is string value && value.Trim().Length > 0 ? value.Trim() : null;

            var settings = new ConnectSettings { Method = input.Method };

            // Where: -ApiBaseUri or -Environment, else PINTEREST_ADS_API_BASE_URI, else production.
            if (input.ApiBaseUri != null && input.Environment != null)
            {
                throw PinterestAdsException.InvalidArgument("ApiBaseUri", "use either -ApiBaseUri or -Environment, not both.", input.ApiBaseUri);
            }

            if (input.ApiBaseUri != null)
            {
                settings.Endpoint = ApiEndpoint.Parse(input.ApiBaseUri, "ApiBaseUri");
            }
            else if (input.Environment is PinterestEnvironment chosen)
            {
                settings.Endpoint = ApiEndpoint.For(chosen);
            }
            else if (Env(ApiBaseUriVariable) is string baseUri)
            {
                settings.Endpoint = FromVariable(ApiBaseUriVariable, () => ApiEndpoint.Parse(baseUri, "ApiBaseUri"));
            }

            // Which tokens.
            if (input.FromEnvironment)
            {
                input.RefreshToken ??= Env(RefreshTokenVariable);
                input.AccessToken ??= Env(AccessTokenVariable);
                if (input.RefreshToken is null && input.AccessToken is null)
                {
                    throw new PinterestAdsException(
                        "missingEnvironmentVariable",
                        FailureKind.InvalidArgument,
                        $"-EnvironmentVariable: neither {RefreshTokenVariable} nor {AccessTokenVariable} is set.",
                        $"Set {RefreshTokenVariable} (with {ClientIdVariable} and {ClientSecretVariable}) or {AccessTokenVariable}, then run the command again.");
                }

                settings.Method = input.RefreshToken != null ? SignInMethod.RefreshToken : SignInMethod.AccessToken;
            }

            settings.RefreshToken = NullIfEmpty(input.RefreshToken);
            settings.AccessToken = NullIfEmpty(input.AccessToken);
            settings.AuthorizationCode = NullIfEmpty(input.AuthorizationCode);
            switch (input.Method)
            {
                case SignInMethod.RefreshToken when settings.RefreshToken is null:
                    throw PinterestAdsException.InvalidArgument("RefreshToken", "the refresh token is empty.");
                case SignInMethod.AccessToken when settings.AccessToken is null:
                    throw PinterestAdsException.InvalidArgument("AccessToken", "the access token is empty.");
                case SignInMethod.AuthorizationCode when settings.AuthorizationCode is null:
                    throw PinterestAdsException.InvalidArgument("AuthorizationCode", "the authorization code is empty.");
            }

            // Which app.
            settings.ClientId = NullIfEmpty(input.ClientId) ?? Env(ClientIdVariable) ?? throw new PinterestAdsException(
                "missingClientId",
                FailureKind.InvalidArgument,
                $"-ClientId: no Pinterest app id was given. Pass -ClientId or set the environment variable {ClientIdVariable}.",
                $"Pass -ClientId <app id> or set {ClientIdVariable} (the app id is shown in Pinterest's developer portal under My apps).");
            if (settings.ClientId.Length > 64 || settings.ClientId.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == ':'))
            {
                throw PinterestAdsException.InvalidArgument("ClientId", $"'{settings.ClientId}' is not a Pinterest app id (an id has no spaces or colons).", settings.ClientId);
            }

            settings.ClientSecret = NullIfEmpty(input.ClientSecret) ?? Env(ClientSecretVariable);
            if (settings.ClientSecret is null && settings.Method != SignInMethod.AccessToken)
            {
                throw new PinterestAdsException(
                    "missingClientSecret",
                    FailureKind.InvalidArgument,
                    $"-ClientSecret: no app secret was given. Pass -ClientSecret or set the environment variable {ClientSecretVariable}; Pinterest needs it to issue and renew tokens.",
                    $"Pass -ClientSecret (Read-Host -AsSecureString) or set {ClientSecretVariable}.");
            }

            // Scopes and the redirect.
            if (input.Scopes is { Count: > 0 } scopes)
            {
                var cleaned = scopes.SelectMany(s => (s ?? string.Empty).Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToArray();
                foreach (var scope in cleaned)
                {
                    if (!ScopePattern.IsMatch(scope))
                    {
                        throw PinterestAdsException.InvalidArgument("Scopes", $"'{scope}' is not a Pinterest scope such as ads:read.", scope);
                    }
                }

                if (cleaned.Length == 0)
                {
                    throw PinterestAdsException.InvalidArgument("Scopes", "name at least one scope, such as ads:read.");
                }

                settings.Scopes = cleaned;
            }

            if (input.RedirectUri != null)
            {
                if (!Uri.TryCreate(input.RedirectUri.Trim(), UriKind.Absolute, out var redirect) || (redirect.Scheme != Uri.UriSchemeHttp && redirect.Scheme != Uri.UriSchemeHttps))
                {
                    throw PinterestAdsException.InvalidArgument("RedirectUri", $"'{input.RedirectUri}' is not an absolute http(s) address such as http://localhost:8085/.", input.RedirectUri);
                }

                settings.RedirectUri = redirect;
            }

            if (settings.Method == SignInMethod.Browser)
            {
                LoopbackRedirectListener.RequireLoopback(settings.RedirectUri);
            }

            // The request budget.
            var budget = new BudgetOptions();
            if (input.RequestsPerHour is int perHour)
            {
                if (perHour < 1)
                {
                    throw PinterestAdsException.InvalidArgument("RequestsPerHour", $"{perHour} is not a positive number of requests.", perHour);
                }

                budget.RequestsPerWindow = perHour;
            }
            else if (Env(RequestsPerHourVariable) is string perHourText)
            {
                budget.RequestsPerWindow = int.TryParse(perHourText, NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed) && parsed > 0
                    ? parsed
                    : throw InvalidVariable(RequestsPerHourVariable, $"'{perHourText}' is not a positive whole number of requests.");
            }

            if (Env(LimitMaxWaitVariable) is string maxWaitText)
            {
                budget.MaxWait = double.TryParse(maxWaitText, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds >= 0 && seconds <= 86400
                    ? TimeSpan.FromSeconds(seconds)
                    : throw InvalidVariable(LimitMaxWaitVariable, $"'{maxWaitText}' is not a number of seconds between 0 and 86400.");
            }

            budget.RedisConfiguration = NullIfEmpty(input.RedisConfiguration) ?? Env(RedisVariable);
            settings.Budget = budget;

            settings.TokenCacheFolder = NullIfEmpty(input.TokenCachePath) ?? Env(TokenCacheVariable);
            return settings;
        }

        internal static PinterestAdsException InvalidVariable(string name, string rule) => new PinterestAdsException(
            "invalidEnvironmentVariable",
            FailureKind.InvalidArgument,
            $"Environment variable {name}: {rule}",
            $"Correct or remove {name} and run the command again.")
        { Target = name };

        private static T FromVariable<T>(string name, Func<T> parse)
        {
            try
            {
                return parse();
            }
            catch (PinterestAdsException ex) when (ex.Kind == FailureKind.InvalidArgument)
            {
                string message = ex.Message;
                int colon = message.IndexOf(": ", StringComparison.Ordinal);
                throw InvalidVariable(name, colon >= 0 ? message.Substring(colon + 2) : message);
            }
        }

        private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }
}
