namespace PinterestAds.Core.Session
{
    /// <summary>How <c>Connect-PinterestAds</c> signed in.</summary>
    public enum SignInMethod
    {
        /// <summary>Not recorded (a context built outside Connect-PinterestAds).</summary>
        Unknown,

        /// <summary>Interactive browser sign-in with a loopback redirect.</summary>
        Browser,

        /// <summary>An authorization code obtained elsewhere (-AuthorizationCode).</summary>
        AuthorizationCode,

        /// <summary>A refresh token (-RefreshToken, or PINTEREST_ADS_REFRESH_TOKEN with -EnvironmentVariable).</summary>
        RefreshToken,

        /// <summary>An access token only (-AccessToken, or PINTEREST_ADS_ACCESS_TOKEN): no renewal.</summary>
        AccessToken,
    }
}
