using System;

namespace PinterestAds.Core.Http
{
    /// <summary>
    /// An attempt that got no HTTP response. <see cref="MayHaveReachedServer"/> matters for
    /// writes: Pinterest ignores idempotency keys, so a write that may have arrived must be
    /// reconciled, never blindly sent again.
    /// </summary>
    public sealed class ApiTransportException : Exception
    {
        public ApiTransportException(string message, bool mayHaveReachedServer, bool isTimeout, Exception inner)
            : base(message, inner)
        {
            MayHaveReachedServer = mayHaveReachedServer;
            IsTimeout = isTimeout;
        }

        public bool MayHaveReachedServer { get; }

        public bool IsTimeout { get; }
    }
}
