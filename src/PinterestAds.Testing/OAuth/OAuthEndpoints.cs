using System;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using PinterestAds.Testing.Http;
using PinterestAds.Testing.Json;
using PinterestAds.Testing.Routing;

namespace PinterestAds.Testing.OAuth
{
    /// <summary>
    /// The authorize page (<c>GET /oauth/</c>, auto-consent), the token endpoint
    /// (<c>POST /v5/oauth/token</c>) and revocation. FACTS §1.
    /// </summary>
    internal sealed class OAuthEndpoints : IEndpointModule
    {
        private readonly OAuthStore _store;
        private readonly ServerSettings _settings;

        public OAuthEndpoints(OAuthStore store, ServerSettings settings)
        {
            _store = store;
            _settings = settings;
        }

        public void Map(Router router)
        {
            router.Map("GET", "/oauth", RouteSecurity.Anonymous, Authorize);
            router.Map("POST", "/v5/oauth/token", RouteSecurity.Anonymous, Token);
            router.Map("POST", "/v5/oauth/token/revoke", RouteSecurity.Anonymous, Revoke);
        }

        /// <summary>
        /// Simulates the browser consent page: validates client and redirect URI, then redirects
        /// back with a code (or with error=access_denied when consent is denied).
        /// </summary>
        private HttpResponseData Authorize(RequestContext context)
        {
            var query = context.Query;
            RegisteredApp? app = _store.FindApp(query.First("client_id"));
            if (app == null)
            {
                return ApiResults.Html(400, "Invalid client", "The client_id is missing or not registered.");
            }

            string? redirectUri = query.First("redirect_uri");
            if (string.IsNullOrEmpty(redirectUri) || !app.AllowsRedirect(redirectUri!))
            {
                return ApiResults.Html(400, "Invalid redirect_uri", "The redirect_uri is missing or not registered for this app.");
            }

            string? state = query.First("state");
            if (query.First("response_type") != "code")
            {
                return ApiResults.Redirect(AppendQuery(redirectUri!, "error", "unsupported_response_type", state));
            }

            string[] scopes = OAuthScopes.Parse(query.First("scope"));
            if (scopes.Length == 0)
            {
                scopes = OAuthScopes.ModuleDefault;
            }

            if (OAuthScopes.Unknown(scopes).Length > 0)
            {
                return ApiResults.Redirect(AppendQuery(redirectUri!, "error", "invalid_scope", state));
            }

            if (_settings.DenyAuthorization)
            {
                return ApiResults.Redirect(AppendQuery(redirectUri!, "error", "access_denied", state));
            }

            string code = _store.CreateCode(app, redirectUri!, scopes, context.Now);
            return ApiResults.Redirect(AppendQuery(redirectUri!, "code", code, state));
        }

        private HttpResponseData Token(RequestContext context)
        {
            RegisteredApp? app = AuthenticateClient(context);
            if (app == null)
            {
                return ApiResults.Unauthenticated();
            }

            var form = ReadForm(context);
            string? grantType = form.First("grant_type");
            TokenPair? pair;
            string responseType;
            switch (grantType)
            {
                case "authorization_code":
                    string code = Required(form, "code");
                    pair = _store.RedeemCode(app.ClientId, code, form.First("redirect_uri"), context.Now);
                    responseType = "authorization_code";
                    break;
                case "refresh_token":
                    // continuous_refresh (and legacy refresh_on) are accepted and ignored: every refresh rotates.
                    string refreshToken = Required(form, "refresh_token");
                    string[]? scopes = form.Has("scope") ? OAuthScopes.Parse(form.First("scope")) : null;
                    pair = _store.Refresh(app.ClientId, refreshToken, scopes, context.Now);
                    responseType = "refresh_token";
                    break;
                case "client_credentials":
                    string[] requested = OAuthScopes.Parse(Required(form, "scope"));
                    if (OAuthScopes.Unknown(requested).Length > 0)
                    {
                        throw new ApiErrorException(400, 1, "Invalid scope: " + string.Join(",", OAuthScopes.Unknown(requested)));
                    }

                    pair = _store.ClientCredentials(app.ClientId, requested, context.Now);
                    responseType = "client_credentials";
                    break;
                case null:
                    throw new ApiErrorException(400, 1, "Missing parameter: grant_type.");
                default:
                    throw new ApiErrorException(400, 1, "Unsupported grant_type: " + grantType + ". Use authorization_code, refresh_token or client_credentials.");
            }

            if (pair == null)
            {
                return ApiResults.Error(400, 283, "The authorization grant is invalid");
            }

            return ApiResults.Json(200, TokenResponse(pair, responseType, context.Now));
        }

        /// <summary>Form <c>token</c> (+ <c>token_type_hint</c>); 200 with no content. Unknown tokens are not an error.</summary>
        private HttpResponseData Revoke(RequestContext context)
        {
            if (AuthenticateClient(context) == null)
            {
                return ApiResults.Unauthenticated();
            }

            _store.Revoke(Required(ReadForm(context), "token"));
            return ApiResults.Empty(200);
        }

        private static JsonObject TokenResponse(TokenPair pair, string responseType, DateTimeOffset now)
        {
            var body = new JsonObject
            {
                ["access_token"] = pair.Access.Value,
                ["token_type"] = "bearer",
                ["expires_in"] = Seconds(pair.Access.ExpiresAt - now),
                ["scope"] = OAuthScopes.Format(pair.Access.Scopes),
            };
            if (pair.Refresh != null)
            {
                body["refresh_token"] = pair.Refresh.Value;
                body["refresh_token_expires_in"] = Seconds(pair.Refresh.ExpiresAt - now);
                body["refresh_token_expires_at"] = pair.Refresh.ExpiresAt.ToUnixTimeSeconds();
            }

            body["response_type"] = responseType;
            return body;
        }

        private static long Seconds(TimeSpan span) => (long)Math.Round(span.TotalSeconds);

        /// <summary>Basic base64(client_id:client_secret) — anything else is 401 code 2.</summary>
        private RegisteredApp? AuthenticateClient(RequestContext context)
        {
            string? header = context.Request.GetHeader("Authorization");
            if (header == null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Substring(6).Trim()));
            }
            catch (FormatException)
            {
                return null;
            }

            int colon = decoded.IndexOf(':');
            return colon <= 0 ? null : _store.Authenticate(decoded.Substring(0, colon), decoded.Substring(colon + 1));
        }

        /// <summary>The token endpoint takes form-urlencoded bodies only; JSON is a 400 code 1 as on the real API.</summary>
        private static QueryParameters ReadForm(RequestContext context)
        {
            string? contentType = context.Request.GetHeader("Content-Type");
            string body = context.Request.BodyText;
            bool looksJson = body.TrimStart().StartsWith("{", StringComparison.Ordinal) || body.TrimStart().StartsWith("[", StringComparison.Ordinal);
            if ((contentType != null && contentType.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0) || looksJson)
            {
                throw new ApiErrorException(400, 1, "Invalid request body: the token endpoint expects application/x-www-form-urlencoded.");
            }

            return new QueryParameters(body);
        }

        private static string Required(QueryParameters form, string name)
        {
            string? value = form.First(name);
            if (string.IsNullOrEmpty(value))
            {
                throw new ApiErrorException(400, 1, "Missing parameter: " + name + ".");
            }

            return value!;
        }

        private static string AppendQuery(string uri, string name, string value, string? state)
        {
            string withValue = QueryHelpers.AddQueryString(uri, name, value);
            return state is null ? withValue : QueryHelpers.AddQueryString(withValue, "state", state);
        }
    }
}
