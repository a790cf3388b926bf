using System;

namespace PinterestAds.Testing.Json
{
    /// <summary>
    /// Thrown by handlers for a whole-request failure; the pipeline turns it into
    /// <c>{code, message}</c> with <see cref="Status"/>. Keeps handlers free of early-return plumbing.
    /// </summary>
    internal sealed class ApiErrorException : Exception
    {
        public ApiErrorException(int status, int code, string message)
            : base(message)
        {
            Status = status;
            Code = code;
        }

        public int Status { get; }

        public int Code { get; }
    }
}
