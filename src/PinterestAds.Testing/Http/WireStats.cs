using System.Threading;

namespace PinterestAds.Testing.Http
{
    /// <summary>
    /// Socket-level counters. Tests use them to prove the no-stall property without timing:
    /// every accepted socket has Nagle off and every response went out in exactly one write.
    /// Each event is counted before anything of it reaches the client (a connection before its
    /// first request is read, a response before its bytes are sent), so a client that has had its
    /// last reply reads final counts without waiting.
    /// </summary>
    internal sealed class WireStats
    {
        private long _accepted;
        private long _noDelay;
        private long _responses;
        private long _responseWrites;
        private long _streamedResponses;

        public long AcceptedConnections => Interlocked.Read(ref _accepted);

        public long NoDelayConnections => Interlocked.Read(ref _noDelay);

        public long Responses => Interlocked.Read(ref _responses);

        public long ResponseWrites => Interlocked.Read(ref _responseWrites);

        /// <summary>Generated downloads (written in buffered pieces; not part of the one-send counts).</summary>
        public long StreamedResponses => Interlocked.Read(ref _streamedResponses);

        public void Accepted(bool noDelay)
        {
            Interlocked.Increment(ref _accepted);
            if (noDelay)
            {
                Interlocked.Increment(ref _noDelay);
            }
        }

        public void StreamedResponseWritten() => Interlocked.Increment(ref _streamedResponses);

        public void ResponseWritten(int writes)
        {
            Interlocked.Increment(ref _responses);
            Interlocked.Add(ref _responseWrites, writes);
        }
    }
}
