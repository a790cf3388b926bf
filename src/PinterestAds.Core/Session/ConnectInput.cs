using System.Collections.Generic;
using PinterestAds.Core.Http;

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
}
