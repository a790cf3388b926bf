using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Http;
using PinterestAds.Core.Json;
using PinterestAds.Core.Resilience;

namespace PinterestAds.Core.Auth
{
    /// <summary>
    /// Pinterest's token endpoint (<c>POST /oauth/token</c>, form body, Basic auth). Each call is
    /// one attempt through the shared transport (so it takes a limiter permit): a refresh spends
    /// the refresh token, so it is never repeated blindly.
    /// </summary>
    internal sealed class OAuthClient
    {
        private readonly ApiTransport _transport;
        private readonly AuthenticationHeaderValue _basic;
        private readonly TimeProvider _time;

        public OAuthClient(ApiTransport transport, string clientId, string clientSecret, TimeProvider time)
        {
            _transport = transport;
            _time = time;
            string pair = clientId + ":" + clientSecret;
            string encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(pair));

            // The Basic credential exists only here; the secret it encodes was registered by ConnectSettings.
            SecretRedactor.Register(encoded);
            _basic = new AuthenticationHeaderValue("Basic", encoded);
        }

        /// <summary>A hard limit for one token call, well below the 60 s lock wait of other processes.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

        public Task<TokenEntry> ExchangeCodeAsync(string code, Uri redirectUri, ICallObserver observer, CancellationToken cancellationToken)
        {
            var fields = new[]
            {
                new KeyValuePair<string, string>("grant_type", "authorization_code"),
                new KeyValuePair<string, string>("code", code),
                new KeyValuePair<string, string>("redirect_uri", redirectUri.ToString()),
            };
            return RequestAsync(fields, isRefresh: false, observer, cancellationToken);
        }

        public Task<TokenEntry> RefreshAsync(string refreshToken, ICallObserver observer, CancellationToken cancellationToken)
        {
            var fields = new[]
            {
                new KeyValuePair<string, string>("grant_type", "refresh_token"),
                new KeyValuePair<string, string>("refresh_token", refreshToken),
            };
            return RequestAsync(fields, isRefresh: true, observer, cancellationToken);
        }

        private async Task<TokenEntry> RequestAsync(KeyValuePair<string, string>[] fields, bool isRefresh, ICallObserver observer, CancellationToken cancellationToken)
        {
            var request = ApiRequest.Post("oauth/token", "oauth_token").WithFormBody(fields);
            observer.Verbose(isRefresh ? "Refreshing the Pinterest access token (POST /oauth/token)." : "Exchanging the authorization code for tokens (POST /oauth/token).");

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            ApiResponse response;
            try
            {
                response = await SingleAttempt.Instance.ExecuteAsync(
                    request,
                    RepeatSafety.NotRepeatable,
                    (attempt, ct) => _transport.SendAsync(request, _basic, attempt, observer, ct),
                    observer,
                    timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw OutcomeUnknown(isRefresh, $"Pinterest did not answer within {Timeout.TotalSeconds:0} s", ex);
            }
            catch (ApiTransportException ex)
            {
                if (!ex.MayHaveReachedServer)
                {
                    throw new PinterestAdsException(
                        "tokenRequestFailed",
                        FailureKind.Connection,
                        SecretRedactor.Redact($"The token request could not reach Pinterest: {ex.Message}"),
                        "Check the network connection and -ApiBaseUri, then run the command again.",
                        ex);
                }

                throw OutcomeUnknown(isRefresh, SecretRedactor.Redact(ex.Message), ex);
            }

            if (!response.IsSuccess)
            {
                throw MapFailure(request, response, isRefresh);
            }

            return Parse(response);
        }

        private TokenEntry Parse(ApiResponse response)
        {
            // No excerpt of the body here, unlike other unreadable responses: a token response that
            // broke off mid-way may hold a token no redaction pattern can recognise yet.
            JsonElement json;
            using (var document = response.TryParseJson(out _))
            {
                json = document?.RootElement.Clone() ?? throw new PinterestAdsException("tokenResponseInvalid", FailureKind.InvalidResult, "Pinterest's token response was not JSON.", "Check -ApiBaseUri: it must point at the Pinterest API v5.");
            }

            string? accessToken = json.GetStringOrNull("access_token");
            if (string.IsNullOrEmpty(accessToken))
            {
                throw new PinterestAdsException("tokenResponseInvalid", FailureKind.InvalidResult, "Pinterest's token response had no access_token.", "Check -ApiBaseUri: it must point at the Pinterest API v5.");
            }

            long now = _time.GetUtcNow().ToUnixTimeSeconds();
            var entry = new TokenEntry
            {
                AccessToken = accessToken,
                AccessTokenIssuedAt = now,
                AccessTokenExpiresAt = json.GetInt64OrNull("expires_in") is long expiresIn ? now + expiresIn : null,
                RefreshToken = json.GetStringOrNull("refresh_token"),
                Scope = json.GetStringOrNull("scope"),
                UpdatedAt = now,
            };
            entry.RegisterSecrets();
            if (entry.RefreshToken != null)
            {
                entry.RefreshTokenIssuedAt = now;
                entry.RefreshTokenExpiresAt = json.GetInt64OrNull("refresh_token_expires_at")
                    ?? (json.GetInt64OrNull("refresh_token_expires_in") is long rtExpiresIn ? now + rtExpiresIn : null);
            }

            return entry;
        }

        private static PinterestAdsException MapFailure(ApiRequest request, ApiResponse response, bool isRefresh)
        {
            var (code, _) = ApiErrorMapper.ReadErrorBody(response);
            bool invalidGrant = code == ApiErrorMapper.InvalidGrantCode || ReadOAuthError(response) == "invalid_grant";
            if (invalidGrant)
            {
                return InvalidGrant(isRefresh, response.RequestId);
            }

            if (response.StatusCode == 401)
            {
                return new PinterestAdsException(
                    "invalidClient",
                    FailureKind.Authentication,
                    $"Pinterest Ads /oauth/token returned 401: the app's client id or client secret was not accepted" + (code is int c ? string.Format(CultureInfo.InvariantCulture, " (code {0})", c) : string.Empty) + ".",
                    "Check -ClientId and -ClientSecret (PINTEREST_ADS_CLIENT_ID, PINTEREST_ADS_CLIENT_SECRET) against the app in Pinterest's developer portal.")
                {
                    HttpStatus = 401,
                    ApiCode = code,
                    RequestId = response.RequestId,
                };
            }

            return ApiErrorMapper.FromResponse(request, response);
        }

        /// <summary>The error id of <see cref="InvalidGrant"/>: callers that must stop spending a grant match on it.</summary>
        internal const string InvalidGrantId = "invalidGrant";

        /// <summary>The one error for a dead grant: it says what to do and is never retried.</summary>
        internal static PinterestAdsException InvalidGrant(bool isRefresh, string? requestId) => new PinterestAdsException(
            InvalidGrantId,
            FailureKind.Authentication,
            isRefresh
                ? "Pinterest rejected the refresh token: it is unknown, was revoked, has expired or was already used (code 283). The sign-in cannot be renewed; run Connect-PinterestAds again."
                : "Pinterest rejected the authorization code: codes are single-use and expire within minutes, and the redirect URI must match the one used to sign in (code 283). Run Connect-PinterestAds again.",
            "Run Connect-PinterestAds again to sign in (interactively, or with a new refresh token from Pinterest's developer portal).")
        {
            HttpStatus = 400,
            ApiCode = ApiErrorMapper.InvalidGrantCode,
            RequestId = requestId,
        };

        private static PinterestAdsException OutcomeUnknown(bool isRefresh, string detail, Exception inner) => new PinterestAdsException(
            "tokenRequestOutcomeUnknown",
            FailureKind.Connection,
            isRefresh
                ? $"The token refresh got no answer ({detail}). Pinterest may have rotated the refresh token already, so it is not sent again."
                : $"The authorization code exchange got no answer ({detail}).",
            isRefresh
                ? "Run the command again; if Pinterest then rejects the refresh token, run Connect-PinterestAds to sign in again."
                : "Run Connect-PinterestAds again.",
            inner);

        private static string? ReadOAuthError(ApiResponse response)
        {
            using var document = response.TryParseJson(out _);
            return document?.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.GetStringOrNull("error") : null;
        }
    }
}
