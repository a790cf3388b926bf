namespace PinterestAds.Testing.Routing
{
    /// <summary>Who may call a route: anyone (OAuth endpoints do their own Basic auth) or a bearer token with a scope.</summary>
    internal sealed class RouteSecurity
    {
        private RouteSecurity(bool requiresBearer, string[] scopes)
        {
            RequiresBearer = requiresBearer;
            Scopes = scopes;
        }

        public static RouteSecurity Anonymous { get; } = new RouteSecurity(false, new string[0]);

        public bool RequiresBearer { get; }

        /// <summary>Every one of these scopes must have been granted to the token.</summary>
        public string[] Scopes { get; }

        public static RouteSecurity Bearer(params string[] scopes) => new RouteSecurity(true, scopes);
    }
}
