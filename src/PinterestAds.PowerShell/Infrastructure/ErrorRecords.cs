using System;
using System.Management.Automation;
using PinterestAds.Core.Errors;

namespace PinterestAds.PowerShell.Infrastructure
{
    /// <summary>Maps Core's exceptions onto ErrorRecords: one place for ids, categories and advice.</summary>
    internal static class ErrorRecords
    {
        /// <param name="target">The TargetObject when the exception names none itself.</param>
        public static ErrorRecord From(Exception exception, object? target = null)
        {
            exception = Unwrap(exception);
            if (exception is PinterestAdsException pinterest)
            {
                return Build(pinterest, pinterest.Target ?? target);
            }

            if (exception is PipelineStoppedException or OperationCanceledException)
            {
                return new ErrorRecord(exception, "operationStopped", ErrorCategory.OperationStopped, target);
            }

            return new ErrorRecord(exception, "unexpectedError", ErrorCategory.NotSpecified, target);
        }

        /// <summary>
        /// An error about one pipeline input: <paramref name="input"/> is its TargetObject even when
        /// the exception names another (one error shared by a whole batch, or the id it refused).
        /// </summary>
        public static ErrorRecord AboutInput(PinterestAdsException exception, object? input) => Build(exception, input ?? exception.Target);

        private static ErrorRecord Build(PinterestAdsException exception, object? target)
        {
            string? advice = exception.RecommendedAction;
            if (exception.RequestId != null)
            {
                advice = (advice == null ? string.Empty : advice + " ") + $"Pinterest request id: {exception.RequestId}.";
            }

            return new ErrorRecord(exception, exception.ErrorId, CategoryOf(exception.Kind), target)
            {
                ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = advice },
            };
        }

        private static ErrorCategory CategoryOf(FailureKind kind) => kind switch
        {
            FailureKind.InvalidArgument => ErrorCategory.InvalidArgument,
            FailureKind.NotConnected => ErrorCategory.ConnectionError,
            FailureKind.Authentication => ErrorCategory.AuthenticationError,
            FailureKind.PermissionDenied => ErrorCategory.PermissionDenied,
            FailureKind.NotFound => ErrorCategory.ObjectNotFound,
            FailureKind.Conflict => ErrorCategory.ResourceExists,
            FailureKind.LimitsExceeded => ErrorCategory.LimitsExceeded,
            FailureKind.Connection => ErrorCategory.ConnectionError,
            FailureKind.OperationTimeout => ErrorCategory.OperationTimeout,
            FailureKind.Server => ErrorCategory.InvalidResult,
            _ => ErrorCategory.InvalidResult,
        };

        private static Exception Unwrap(Exception exception)
        {
            while (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
            {
                exception = aggregate.InnerExceptions[0];
            }

            return exception;
        }
    }
}
