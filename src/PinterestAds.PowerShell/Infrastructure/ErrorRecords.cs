using System;
using System.Management.Automation;
using PinterestAds.Core.Errors;

namespace PinterestAds.PowerShell.Infrastructure
{
    /// <summary>Maps Core's exceptions onto ErrorRecords: one place for ids, categories and advice.</summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(Exception exception, object? target = null)
        {
            exception = Unwrap(exception);
            if (exception is PinterestAdsException pinterest)
            {
                var record = new ErrorRecord(pinterest, pinterest.ErrorId, CategoryOf(pinterest.Kind), pinterest.Target ?? target);
                var details = new ErrorDetails(pinterest.Message);
                string? advice = pinterest.RecommendedAction;
                if (pinterest.RequestId != null)
                {
                    advice = (advice == null ? string.Empty : advice + " ") + $"Pinterest request id: {pinterest.RequestId}.";
                }

                details.RecommendedAction = advice;
                record.ErrorDetails = details;
                return record;
            }

            if (exception is PipelineStoppedException or OperationCanceledException)
            {
                return new ErrorRecord(exception, "operationStopped", ErrorCategory.OperationStopped, target);
            }

            return new ErrorRecord(exception, "unexpectedError", ErrorCategory.NotSpecified, target);
        }

        public static ErrorCategory CategoryOf(FailureKind kind) => kind switch
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
