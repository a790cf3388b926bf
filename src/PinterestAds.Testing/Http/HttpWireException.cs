using System;

namespace PinterestAds.Testing.Http
{
    /// <summary>A request the parser cannot accept; the connection answers with <see cref="Status"/> and closes.</summary>
    internal sealed class HttpWireException : Exception
    {
        public HttpWireException(int status, string message)
            : base(message)
        {
            Status = status;
        }

        public int Status { get; }
    }
}
