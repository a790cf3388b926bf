using System;

namespace PinterestAds.Testing.OAuth
{
    /// <summary>An issued token (access or refresh) and what it grants.</summary>
    internal sealed class IssuedToken
    {
        public IssuedToken(string value, string clientId, string userId, string[] scopes, DateTimeOffset expiresAt)
        {
            Value = value;
            ClientId = clientId;
            UserId = userId;
            Scopes = scopes;
            ExpiresAt = expiresAt;
        }

        public string Value { get; }

        public string ClientId { get; }

        public string UserId { get; }

        public string[] Scopes { get; }

        /// <summary>Mutable only under the store lock (<c>ExpireAccessTokens</c> pulls it to now).</summary>
        public DateTimeOffset ExpiresAt { get; set; }
    }

    /// <summary>A single-use authorization code bound to client, redirect URI and scopes.</summary>
    internal sealed class AuthorizationCode
    {
        public AuthorizationCode(string code, string clientId, string redirectUri, string[] scopes, DateTimeOffset expiresAt)
        {
            Code = code;
            ClientId = clientId;
            RedirectUri = redirectUri;
            Scopes = scopes;
            ExpiresAt = expiresAt;
        }

        public string Code { get; }

        public string ClientId { get; }

        public string RedirectUri { get; }

        public string[] Scopes { get; }

        public DateTimeOffset ExpiresAt { get; }
    }

    /// <summary>What a valid bearer token lets a request do (handed to handlers).</summary>
    internal sealed class AccessGrant
    {
        public AccessGrant(string clientId, string userId, string[] scopes)
        {
            ClientId = clientId;
            UserId = userId;
            Scopes = scopes;
        }

        public string ClientId { get; }

        public string UserId { get; }

        public string[] Scopes { get; }
    }

    /// <summary>A token endpoint result: the new access token and, except for client credentials, a refresh token.</summary>
    internal sealed class TokenPair
    {
        public TokenPair(IssuedToken access, IssuedToken? refresh)
        {
            Access = access;
            Refresh = refresh;
        }

        public IssuedToken Access { get; }

        public IssuedToken? Refresh { get; }
    }
}
