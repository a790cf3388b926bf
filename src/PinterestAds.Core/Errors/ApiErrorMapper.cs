using System.Globalization;
using System.Text.Json;
using PinterestAds.Core.Http;

namespace PinterestAds.Core.Errors
{
    /// <summary>
    /// The one place that turns a failed Pinterest response into a <see cref="PinterestAdsException"/>:
    /// error id, category, advice and request id all come from here.
    /// </summary>
    public static class ApiErrorMapper
    {
        /// <summary>Pinterest's code for a dead, used or unknown authorization grant.</summary>
        public const int InvalidGrantCode = 283;

        /// <summary>Pinterest's code for a token that lacks a scope the operation needs.</summary>
        public const int MissingScopeCode = 3;

        /// <summary>Pinterest's code for what the app's access level does not allow (Trial access creating pins in production).</summary>
        public const int NotPermittedCode = 29;

        /// <summary>The response when it is a 2xx; otherwise the mapped error.</summary>
        public static ApiResponse EnsureSuccess(ApiRequest request, ApiResponse response) =>
            response.IsSuccess ? response : throw FromResponse(request, response);

        public static PinterestAdsException FromResponse(ApiRequest request, ApiResponse response)
        {
            var (apiCode, apiMessage) = ReadErrorBody(response);
            int status = response.StatusCode;
            var kind = KindOf(status);

            // 429 keeps the operation-centred shape runbooks grep for:
            // "Pinterest Ads create_campaign: 429 — <message>".
            string message = status == 429
                ? $"Pinterest Ads {request.Operation}: 429 — {apiMessage ?? "rate limit exceeded"}"
                : $"Pinterest Ads {request.DisplayPath} returned {status}" + (apiMessage is null ? string.Empty : $": {apiMessage}");
            if (apiCode is int code)
            {
                message += string.Format(CultureInfo.InvariantCulture, " (code {0})", code);
            }

            // Runbook logs show only the message, so these two say there what to do.
            string errorId = "pinterestApi" + status.ToString(CultureInfo.InvariantCulture);
            string advice = AdviceFor(status, apiCode);
            if (apiCode == MissingScopeCode && status == 403)
            {
                errorId = "missingScope";
                advice = RequiredScopes.For(request) is string scopes
                    ? $"The sign-in was not granted the scopes this needs ({scopes}): run Connect-PinterestAds again (its default -Scopes include them) and consent to them."
                    : "The sign-in lacks a scope this needs: run Connect-PinterestAds again with the scopes the operation needs and consent to them.";
                message = message.TrimEnd('.') + ". " + advice;
            }
            else if (apiCode == NotPermittedCode && status == 403)
            {
                errorId = "notPermittedForApp";
                advice = "Pinterest does not let this app do this at its access level. An app with Trial access can create pins only in Pinterest's API Sandbox: connect with Connect-PinterestAds -Environment Sandbox, or ask Pinterest for Standard access.";
                message = message.TrimEnd('.') + ". " + advice;
            }

            return new PinterestAdsException(errorId, kind, message, advice)
            {
                HttpStatus = status,
                ApiCode = apiCode,
                RequestId = response.RequestId,
            };
        }

        public static FailureKind KindOf(int status) => status switch
        {
            400 => FailureKind.InvalidArgument,
            401 => FailureKind.Authentication,
            403 => FailureKind.PermissionDenied,
            404 => FailureKind.NotFound,
            409 => FailureKind.Conflict,
            422 => FailureKind.InvalidArgument,
            429 => FailureKind.LimitsExceeded,
            408 or 504 => FailureKind.OperationTimeout,
            >= 500 => FailureKind.Server,
            _ => FailureKind.InvalidResult,
        };

        public static (int? Code, string? Message) ReadErrorBody(ApiResponse response)
        {
            using var document = response.TryParseJson(out _);
            if (document?.RootElement is not { ValueKind: JsonValueKind.Object } root)
            {
                return (null, null);
            }

            int? code = root.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var v) ? v : null;
            string? message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return (code, message);
        }

        private static string AdviceFor(int status, int? apiCode) => status switch
        {
            _ when apiCode == InvalidGrantCode => "Run Connect-PinterestAds again to sign in.",
            401 => "Run Connect-PinterestAds again: the sign-in was revoked or has expired.",
            403 => "Check that the app was granted the scopes this command needs (Connect-PinterestAds -Scopes) and that your user may act on this ad account.",
            404 => "Check the id: Pinterest does not know it, or it belongs to another ad account.",
            429 => "Wait until the rate limit resets, or lower the request rate (-RequestsPerHour).",
            >= 500 => "Pinterest had a problem; try again later and quote the request id if it persists.",
            _ => "Correct the request and run the command again.",
        };
    }
}
