using System;

namespace PinterestAds.Core.Errors
{
    /// <summary>
    /// The one exception Core throws for anything a user should see. It carries everything an
    /// ErrorRecord needs, so the cmdlet layer never has to guess ids, categories or advice.
    /// </summary>
    public sealed class PinterestAdsException : Exception
    {
        public PinterestAdsException(string errorId, FailureKind kind, string message, string? recommendedAction = null, Exception? inner = null)
            : base(message, inner)
        {
            ErrorId = errorId;
            Kind = kind;
            RecommendedAction = recommendedAction;
        }

        /// <summary>camelCase identifier, stable across releases, e.g. <c>pinterestApi401</c>.</summary>
        public string ErrorId { get; }

        public FailureKind Kind { get; }

        public string? RecommendedAction { get; }

        /// <summary>For <see cref="InvalidArgument"/>: the parameter the message names (without the dash).</summary>
        public string? Parameter { get; private set; }

        /// <summary>For <see cref="InvalidArgument"/>: the rule the value broke, the message without "-Parameter: ".</summary>
        public string? Rule { get; private set; }

        /// <summary>The input the error is about (an id, a request item); set by whoever knows it.</summary>
        public object? Target { get; set; }

        /// <summary>HTTP status of the Pinterest response, when there was one.</summary>
        public int? HttpStatus { get; set; }

        /// <summary>Pinterest's own error <c>code</c> from the <c>{code, message}</c> body.</summary>
        public int? ApiCode { get; set; }

        /// <summary>Pinterest's request id (<c>x-pinterest-rid</c>), for support tickets.</summary>
        public string? RequestId { get; set; }

        /// <summary>When a quota frees up again, for limiter and 429 errors.</summary>
        public DateTimeOffset? RetryAt { get; set; }

        public static PinterestAdsException InvalidArgument(string parameter, string rule, object? target = null) =>
            new PinterestAdsException("invalidArgument", FailureKind.InvalidArgument, $"-{parameter}: {rule}", $"Correct the value of -{parameter} and run the command again.")
            {
                Target = target,
                Parameter = parameter,
                Rule = rule,
            };

        /// <remarks>
        /// The message itself says what to do: Windows PowerShell 5.1 and runbook job logs show only
        /// the message, never the recommended action.
        /// </remarks>
        public static PinterestAdsException NotConnected() =>
            new PinterestAdsException(
                "notConnected",
                FailureKind.NotConnected,
                "You are not connected to Pinterest Ads: run Connect-PinterestAds first, or pass -Context with a context from Connect-PinterestAds -PassThru.",
                "Run Connect-PinterestAds first, or pass -Context with a context from Connect-PinterestAds -PassThru.");
    }
}
