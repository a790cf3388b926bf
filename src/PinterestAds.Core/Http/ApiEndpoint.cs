using System;
using System.Text.RegularExpressions;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Http
{
    /// <summary>
    /// The base address every request is built on, and the matching authorize page. Validation
    /// happens here once so that a malformed address fails before anything is sent.
    /// </summary>
    public sealed class ApiEndpoint
    {
        public static readonly Uri ProductionBase = new Uri("https://api.pinterest.com/v5/");
        public static readonly Uri SandboxBase = new Uri("https://api-sandbox.pinterest.com/v5/");
        private static readonly Uri PinterestAuthorize = new Uri("https://www.pinterest.com/oauth/");

        // The user:password@ part of an address, masked wherever an error shows the address.
        private static readonly Regex UserInfo = new Regex("(?<=//)[^/@]*@", RegexOptions.CultureInvariant);

        private ApiEndpoint(PinterestEnvironment environment, Uri baseUri, Uri authorizeUri)
        {
            Environment = environment;
            BaseUri = baseUri;
            AuthorizeUri = authorizeUri;
        }

        public PinterestEnvironment Environment { get; }

        /// <summary>Always ends with a slash, so relative paths resolve beneath it.</summary>
        public Uri BaseUri { get; }

        public Uri AuthorizeUri { get; }

        public static ApiEndpoint For(PinterestEnvironment environment) => environment switch
        {
            PinterestEnvironment.Sandbox => new ApiEndpoint(environment, SandboxBase, PinterestAuthorize),
            PinterestEnvironment.Production => new ApiEndpoint(environment, ProductionBase, PinterestAuthorize),
            _ => throw new ArgumentOutOfRangeException(nameof(environment), "A custom environment needs a base URI."),
        };

        /// <summary>
        /// Parses a user-supplied base URI (<c>-ApiBaseUri</c> or <c>PINTEREST_ADS_API_BASE_URI</c>).
        /// Plain http is accepted only for loopback hosts, so a token is never sent in clear text
        /// over a network.
        /// </summary>
        public static ApiEndpoint Parse(string value, string parameterName)
        {
            string? shown = value is null ? null : UserInfo.Replace(value, "***@");

            // On Unix "/v5" parses as an absolute file: URI, so the scheme is part of "absolute".
            if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw PinterestAdsException.InvalidArgument(parameterName, $"'{shown}' is not an absolute https URI such as https://api.pinterest.com/v5.", shown);
            }

            bool isHttps = uri.Scheme == Uri.UriSchemeHttps;
            bool isLoopbackHttp = uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback;
            if (!isHttps && !isLoopbackHttp)
            {
                throw PinterestAdsException.InvalidArgument(parameterName, $"'{shown}' must use https (plain http is allowed only for loopback addresses such as http://127.0.0.1:PORT/v5).", shown);
            }

            if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
            {
                throw PinterestAdsException.InvalidArgument(parameterName, $"'{shown}' must not contain a query, fragment or user name.", shown);
            }

            var builder = new UriBuilder(uri);
            if (!builder.Path.EndsWith("/", StringComparison.Ordinal))
            {
                builder.Path += "/";
            }

            var baseUri = builder.Uri;
            if (Uri.Compare(baseUri, ProductionBase, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return For(PinterestEnvironment.Production);
            }

            if (Uri.Compare(baseUri, SandboxBase, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return For(PinterestEnvironment.Sandbox);
            }

            // A custom deployment (the fake API) serves its own authorize page at /oauth/.
            var authorize = new Uri(new Uri(baseUri.GetLeftPart(UriPartial.Authority)), "/oauth/");
            return new ApiEndpoint(PinterestEnvironment.Custom, baseUri, authorize);
        }

        public Uri Resolve(string relativePath) => new Uri(BaseUri, relativePath.TrimStart('/'));

        public override string ToString() => BaseUri.ToString();
    }
}
