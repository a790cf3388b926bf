using System;
using System.Collections.Generic;
using System.Linq;
using PinterestAds.Core.Auth;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Http;
using PinterestAds.Core.Limiting;

namespace PinterestAds.Core.Session
{
    /// <summary>Everything a connect needs, validated; nothing has been sent yet.</summary>
    internal sealed class ConnectSettings
    {
        public static readonly Uri DefaultRedirectUri = new Uri("http://localhost:8085/");

        /// <summary>Everything the module's cmdlets need: ads, user accounts, pins and boards (pins and media need the pins/boards scopes).</summary>
        public static readonly IReadOnlyList<string> DefaultScopes = new[] { "ads:read", "ads:write", "user_accounts:read", "pins:read", "pins:write", "boards:read", "boards:write" };

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

        /// <summary>How long one HTTP attempt may take (PINTEREST_ADS_TIMEOUT).</summary>
        public TimeSpan RequestTimeout { get; private set; } = ApiTransport.DefaultAttemptTimeout;

        public TokenRefreshPolicy RefreshPolicy { get; set; } = TokenRefreshPolicy.Default;

        public TimeProvider Time { get; set; } = TimeProvider.System;

        /// <summary>False skips the OS key store probe (tests).</summary>
        public bool TryEncryptedCache { get; set; } = true;

        /// <summary>
        /// Applies environment defaults and validates; throws before anything is sent. A parameter
        /// always wins over its variable; with neither, the property keeps its default.
        /// </summary>
        public static ConnectSettings Resolve(ConnectInput input, Func<string, string?> environment)
        {
            var variables = new ConnectVariables(environment);
            var settings = new ConnectSettings { Method = input.Method };
            if ((ConnectValidation.ChosenEndpoint(input) ?? variables.ReadApiEndpoint()) is ApiEndpoint endpoint)
            {
                settings.Endpoint = endpoint;
            }

            settings.ResolveCredentials(input, variables);

            settings.ClientId = ConnectValidation.ClientId(Trimmed(input.ClientId) ?? variables.Read(ConnectVariables.ClientId));
            settings.ClientSecret = Trimmed(input.ClientSecret) ?? variables.Read(ConnectVariables.ClientSecret);
            ConnectValidation.RequireClientSecret(settings.Method, settings.ClientSecret);

            if (input.Scopes is { Count: > 0 } scopes)
            {
                settings.Scopes = ConnectValidation.Scopes(scopes);
            }

            if (input.RedirectUri != null)
            {
                settings.RedirectUri = ConnectValidation.RedirectUri(input.RedirectUri);
            }

            if (settings.Method == SignInMethod.Browser)
            {
                LoopbackRedirectListener.RequireLoopback(settings.RedirectUri);
            }

            settings.Budget = ResolveBudget(input, variables);
            settings.RequestTimeout = variables.ReadTimeout() ?? settings.RequestTimeout;
            settings.TokenCacheFolder = Trimmed(input.TokenCachePath) ?? variables.Read(ConnectVariables.TokenCache);
            settings.RegisterSecrets();
            return settings;
        }

        /// <summary>
        /// The one place where the secrets a user gives, as parameters or environment variables, are
        /// told to the redactor, before anything is sent: the app secret, the token or code to sign in
        /// with, and a Redis password. (Tokens Pinterest issues are registered by <see cref="TokenEntry"/>.)
        /// </summary>
        private void RegisterSecrets()
        {
            foreach (var secret in new[] { ClientSecret, RefreshToken, AccessToken, AuthorizationCode }.Concat(RedisMask.Passwords(Budget.RedisConfiguration)))
            {
                SecretRedactor.Register(secret);
            }
        }

        /// <summary>The tokens or code to sign in with. With -EnvironmentVariable the variables supply the tokens and decide the method.</summary>
        private void ResolveCredentials(ConnectInput input, ConnectVariables variables)
        {
            string? refreshToken = input.RefreshToken;
            string? accessToken = input.AccessToken;
            if (input.FromEnvironment)
            {
                refreshToken ??= variables.Read(ConnectVariables.RefreshToken);
                accessToken ??= variables.Read(ConnectVariables.AccessToken);
                if (refreshToken is null && accessToken is null)
                {
                    throw ConnectVariables.NoTokens();
                }

                Method = refreshToken != null ? SignInMethod.RefreshToken : SignInMethod.AccessToken;
            }

            RefreshToken = Trimmed(refreshToken);
            AccessToken = Trimmed(accessToken);
            AuthorizationCode = Trimmed(input.AuthorizationCode);
            ConnectValidation.RequireCredential(input.Method, this);
        }

        private static BudgetOptions ResolveBudget(ConnectInput input, ConnectVariables variables)
        {
            var budget = new BudgetOptions();
            if (input.RequestsPerHour is int perHour)
            {
                budget.RequestsPerWindow = ConnectValidation.RequestsPerHour(perHour);
            }
            else if (variables.ReadRequestsPerHour() is int fromVariable)
            {
                budget.RequestsPerWindow = fromVariable;
            }

            if (variables.ReadLimitMaxWait() is TimeSpan maxWait)
            {
                budget.MaxWait = maxWait;
            }

            budget.RedisConfiguration = Trimmed(input.RedisConfiguration) ?? variables.Read(ConnectVariables.Redis);
            return budget;
        }

        private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }
}
