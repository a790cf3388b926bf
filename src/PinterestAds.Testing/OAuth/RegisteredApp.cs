using System;
using System.Collections.Generic;
using System.Linq;

namespace PinterestAds.Testing.OAuth
{
    /// <summary>An OAuth client the server knows: id, secret and where it may redirect.</summary>
    internal sealed class RegisteredApp
    {
        public RegisteredApp(string clientId, string clientSecret, IEnumerable<string> redirectUris, bool allowAnyLoopbackRedirect)
        {
            ClientId = clientId;
            ClientSecret = clientSecret;
            RedirectUris = redirectUris.ToArray();
            AllowAnyLoopbackRedirect = allowAnyLoopbackRedirect;
        }

        public string ClientId { get; }

        public string ClientSecret { get; }

        public string[] RedirectUris { get; }

        /// <summary>
        /// The default app accepts any <c>http://localhost:&lt;port&gt;/…</c> or
        /// <c>http://127.0.0.1:&lt;port&gt;/…</c>, because the interactive sign-in listens on a
        /// port chosen at run time.
        /// </summary>
        public bool AllowAnyLoopbackRedirect { get; }

        public bool AllowsRedirect(string redirectUri)
        {
            if (RedirectUris.Contains(redirectUri, StringComparer.Ordinal))
            {
                return true;
            }

            if (!AllowAnyLoopbackRedirect || !Uri.TryCreate(redirectUri, UriKind.Absolute, out Uri? uri))
            {
                return false;
            }

            return uri.Scheme == Uri.UriSchemeHttp
                && (uri.Host == "localhost" || uri.Host == "127.0.0.1" || uri.Host == "[::1]")
                && string.IsNullOrEmpty(uri.Fragment);
        }
    }
}
