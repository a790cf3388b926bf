using System;
using System.Globalization;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;

namespace PinterestAds.Core.Session
{
    /// <summary>
    /// The environment variables Connect-PinterestAds falls back on, read through the function the
    /// caller passes (the process environment, or a table in tests). A blank variable counts as
    /// unset; a malformed one is an error that names the variable, not a parameter.
    /// </summary>
    internal sealed class ConnectVariables
    {
        public const string ClientId = "PINTEREST_ADS_CLIENT_ID";
        public const string ClientSecret = "PINTEREST_ADS_CLIENT_SECRET";
        public const string RefreshToken = "PINTEREST_ADS_REFRESH_TOKEN";
        public const string AccessToken = "PINTEREST_ADS_ACCESS_TOKEN";
        public const string ApiBaseUri = "PINTEREST_ADS_API_BASE_URI";
        public const string Redis = "PINTEREST_ADS_REDIS";
        public const string RequestsPerHour = "PINTEREST_ADS_REQUESTS_PER_HOUR";
        public const string LimitMaxWait = "PINTEREST_ADS_LIMIT_MAX_WAIT";
        public const string TokenCache = "PINTEREST_ADS_TOKEN_CACHE";
        public const string Timeout = "PINTEREST_ADS_TIMEOUT";

        private readonly Func<string, string?> _environment;

        public ConnectVariables(Func<string, string?> environment)
        {
            _environment = environment;
        }

        /// <summary>The trimmed value, or null when the variable is unset or blank.</summary>
        public string? Read(string name) => _environment(name) is string value && value.Trim().Length > 0 ? value.Trim() : null;

        public ApiEndpoint? ReadApiEndpoint()
        {
            if (Read(ApiBaseUri) is not string baseUri)
            {
                return null;
            }

            try
            {
                return ApiEndpoint.Parse(baseUri, nameof(ConnectInput.ApiBaseUri));
            }
            catch (PinterestAdsException ex) when (ex.Kind == FailureKind.InvalidArgument)
            {
                // The parser words its rule for the -ApiBaseUri parameter ("-ApiBaseUri: rule"); keep the rule, name the variable.
                string message = ex.Message;
                int colon = message.IndexOf(": ", StringComparison.Ordinal);
                throw Invalid(ApiBaseUri, colon >= 0 ? message.Substring(colon + 2) : message);
            }
        }

        public int? ReadRequestsPerHour()
        {
            if (Read(RequestsPerHour) is not string text)
            {
                return null;
            }

            return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int parsed) && parsed > 0
                ? parsed
                : throw Invalid(RequestsPerHour, $"'{text}' is not a positive whole number of requests.");
        }

        public TimeSpan? ReadLimitMaxWait() => ReadSeconds(LimitMaxWait, 0, 86400);

        /// <summary>Seconds one HTTP attempt may take (PINTEREST_ADS_TIMEOUT).</summary>
        public TimeSpan? ReadTimeout() => ReadSeconds(Timeout, 1, 3600);

        /// <summary>-EnvironmentVariable was given but neither token variable is set.</summary>
        public static PinterestAdsException NoTokens() => new PinterestAdsException(
            "missingEnvironmentVariable",
            FailureKind.InvalidArgument,
            $"-EnvironmentVariable: neither {RefreshToken} nor {AccessToken} is set.",
            $"Set {RefreshToken} (with {ClientId} and {ClientSecret}) or {AccessToken}, then run the command again.");

        private TimeSpan? ReadSeconds(string name, double min, double max)
        {
            if (Read(name) is not string text)
            {
                return null;
            }

            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds >= min && seconds <= max
                ? TimeSpan.FromSeconds(seconds)
                : throw Invalid(name, string.Format(CultureInfo.InvariantCulture, "'{0}' is not a number of seconds between {1} and {2}.", text, min, max));
        }

        internal static PinterestAdsException Invalid(string name, string rule) => new PinterestAdsException(
            "invalidEnvironmentVariable",
            FailureKind.InvalidArgument,
            $"Environment variable {name}: {rule}",
            $"Correct or remove {name} and run the command again.")
        { Target = name };
    }
}
