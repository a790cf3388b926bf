using System;
using System.Collections.Generic;
using System.Linq;
using PinterestAds.Testing.Json;

namespace PinterestAds.Testing.OAuth
{
    /// <summary>
    /// Apps, authorization codes and tokens. One lock: token operations are rare next to API
    /// calls, and validation is a dictionary lookup.
    /// </summary>
    internal sealed class OAuthStore
    {
        private readonly object _sync = new object();
        private readonly ServerSettings _settings;
        private readonly Dictionary<string, RegisteredApp> _apps = new Dictionary<string, RegisteredApp>(StringComparer.Ordinal);
        private readonly Dictionary<string, AuthorizationCode> _codes = new Dictionary<string, AuthorizationCode>(StringComparer.Ordinal);
        private readonly Dictionary<string, IssuedToken> _accessTokens = new Dictionary<string, IssuedToken>(StringComparer.Ordinal);
        private readonly Dictionary<string, IssuedToken> _refreshTokens = new Dictionary<string, IssuedToken>(StringComparer.Ordinal);
        private int _codeExchangeCount;
        private int _tokenRefreshCount;

        public OAuthStore(ServerSettings settings)
        {
            _settings = settings;
        }

        /// <summary>Successful authorization-code exchanges.</summary>
        public int CodeExchangeCount
        {
            get { lock (_sync) { return _codeExchangeCount; } }
        }

        /// <summary>Successful refresh-token grants.</summary>
        public int TokenRefreshCount
        {
            get { lock (_sync) { return _tokenRefreshCount; } }
        }

        public void RegisterApp(RegisteredApp app)
        {
            lock (_sync)
            {
                _apps[app.ClientId] = app;
            }
        }

        public RegisteredApp? FindApp(string? clientId)
        {
            if (clientId == null)
            {
                return null;
            }

            lock (_sync)
            {
                return _apps.TryGetValue(clientId, out var app) ? app : null;
            }
        }

        /// <summary>Checks Basic credentials; null when unknown client or wrong secret.</summary>
        public RegisteredApp? Authenticate(string clientId, string clientSecret)
        {
            var app = FindApp(clientId);
            return app != null && string.Equals(app.ClientSecret, clientSecret, StringComparison.Ordinal) ? app : null;
        }

        public string CreateCode(RegisteredApp app, string redirectUri, string[] scopes, DateTimeOffset now)
        {
            var code = new AuthorizationCode(TokenGenerator.Code(), app.ClientId, redirectUri, scopes, now + _settings.AuthorizationCodeLifetime);
            lock (_sync)
            {
                _codes[code.Code] = code;
            }

            return code.Code;
        }

        /// <summary>Exchanges a code once; null (→ invalid grant) when unknown, used, expired, another client's, or the redirect URI differs.</summary>
        public TokenPair? RedeemCode(string clientId, string code, string? redirectUri, DateTimeOffset now)
        {
            lock (_sync)
            {
                if (!_codes.TryGetValue(code, out var grant))
                {
                    return null;
                }

                if (grant.ExpiresAt <= now)
                {
                    _codes.Remove(code);
                    return null;
                }

                if (grant.ClientId != clientId || !string.Equals(grant.RedirectUri, redirectUri, StringComparison.Ordinal))
                {
                    return null;
                }

                _codes.Remove(code);
                _codeExchangeCount++;
                return IssuePair(clientId, DefaultUser.Id, grant.Scopes, now);
            }
        }

        /// <summary>
        /// Refresh with rotation: the presented refresh token dies now and a new one is issued.
        /// Null (→ invalid grant) when unknown, rotated, revoked, expired or another client's.
        /// </summary>
        public TokenPair? Refresh(string clientId, string refreshToken, string[]? requestedScopes, DateTimeOffset now)
        {
            lock (_sync)
            {
                if (!_refreshTokens.TryGetValue(refreshToken, out var token) || token.ClientId != clientId)
                {
                    return null;
                }

                if (token.ExpiresAt <= now)
                {
                    _refreshTokens.Remove(refreshToken);
                    return null;
                }

                string[] scopes = token.Scopes;
                if (requestedScopes != null && requestedScopes.Length > 0)
                {
                    string[] extra = requestedScopes.Except(token.Scopes, StringComparer.Ordinal).ToArray();
                    if (extra.Length > 0)
                    {
                        throw new ApiErrorException(400, 1, "Requested scope exceeds the granted scope: " + string.Join(",", extra));
                    }

                    scopes = requestedScopes;
                }

                _refreshTokens.Remove(refreshToken);
                _tokenRefreshCount++;
                var access = NewAccess(clientId, token.UserId, scopes, now, null);
                // The rotated refresh token keeps the original grant; only the access token is narrowed.
                var refresh = NewRefresh(clientId, token.UserId, token.Scopes, now);
                return new TokenPair(access, refresh);
            }
        }

        public TokenPair ClientCredentials(string clientId, string[] scopes, DateTimeOffset now)
        {
            lock (_sync)
            {
                return new TokenPair(NewAccess(clientId, DefaultUser.Id, scopes, now, null), null);
            }
        }

        public AccessGrant? Validate(string accessToken, DateTimeOffset now)
        {
            lock (_sync)
            {
                if (!_accessTokens.TryGetValue(accessToken, out var token))
                {
                    return null;
                }

                if (token.ExpiresAt <= now)
                {
                    return null;
                }

                return new AccessGrant(token.ClientId, token.UserId, token.Scopes);
            }
        }

        public IssuedToken IssueAccess(string clientId, string[] scopes, TimeSpan? lifetime, DateTimeOffset now)
        {
            lock (_sync)
            {
                return NewAccess(clientId, DefaultUser.Id, scopes, now, lifetime);
            }
        }

        public IssuedToken IssueRefresh(string clientId, string[] scopes, DateTimeOffset now)
        {
            lock (_sync)
            {
                return NewRefresh(clientId, DefaultUser.Id, scopes, now);
            }
        }

        /// <summary>Every current access token expires now (refresh tokens stay valid).</summary>
        public void ExpireAccessTokens(DateTimeOffset now)
        {
            lock (_sync)
            {
                foreach (var token in _accessTokens.Values)
                {
                    if (token.ExpiresAt > now)
                    {
                        token.ExpiresAt = now;
                    }
                }
            }
        }

        public void RevokeAll()
        {
            lock (_sync)
            {
                _accessTokens.Clear();
                _refreshTokens.Clear();
                _codes.Clear();
            }
        }

        public bool Revoke(string token)
        {
            lock (_sync)
            {
                return _accessTokens.Remove(token) | _refreshTokens.Remove(token) | _codes.Remove(token);
            }
        }

        private TokenPair IssuePair(string clientId, string userId, string[] scopes, DateTimeOffset now) =>
            new TokenPair(NewAccess(clientId, userId, scopes, now, null), NewRefresh(clientId, userId, scopes, now));

        private IssuedToken NewAccess(string clientId, string userId, string[] scopes, DateTimeOffset now, TimeSpan? lifetime)
        {
            var token = new IssuedToken(TokenGenerator.Access(), clientId, userId, scopes, now + (lifetime ?? _settings.AccessTokenLifetime));
            _accessTokens[token.Value] = token;
            return token;
        }

        private IssuedToken NewRefresh(string clientId, string userId, string[] scopes, DateTimeOffset now)
        {
            var token = new IssuedToken(TokenGenerator.Refresh(), clientId, userId, scopes, now + _settings.RefreshTokenLifetime);
            _refreshTokens[token.Value] = token;
            return token;
        }
    }
}
