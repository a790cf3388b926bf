using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Testing.Http
{
    /// <summary>
    /// A request body read from the connection as the handler consumes it, so a gigabyte upload
    /// never sits in memory. <c>100 Continue</c> is sent on the first read: a handler that answers
    /// before reading lets the client keep its body (the connection then closes instead of draining).
    /// </summary>
    internal abstract class RequestBodyStream : Stream
    {
        private readonly HttpRequestReader _reader;
        private Func<Task>? _sendContinue;

        protected RequestBodyStream(HttpRequestReader reader, Func<Task>? sendContinue)
        {
            _reader = reader;
            _sendContinue = sendContinue;
        }

        /// <summary>True while the client waits for <c>100 Continue</c> before sending the body.</summary>
        public bool ContinuePending => _sendContinue != null;

        /// <summary>True once the body's last byte (and, when chunked, its trailer) has been read.</summary>
        public abstract bool IsComplete { get; }

        /// <summary>Body bytes delivered so far (chunk framing excluded).</summary>
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => BytesRead;
            set => throw new NotSupportedException();
        }

        protected HttpRequestReader Reader => _reader;

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            if (count == 0 || IsComplete)
            {
                return 0;
            }

            if (_sendContinue != null)
            {
                Func<Task> send = _sendContinue;
                _sendContinue = null;
                await send().ConfigureAwait(false);
            }

            int read = await ReadBodyAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            BytesRead += read;
            return read;
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

        /// <summary>Reads and discards the rest of the body so the connection can serve its next request.</summary>
        public async Task DrainAsync(CancellationToken cancellationToken)
        {
            var scratch = new byte[64 * 1024];
            while (await ReadAsync(scratch, 0, scratch.Length, cancellationToken).ConfigureAwait(false) > 0)
            {
            }
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        /// <summary>Reads at most <paramref name="count"/> body bytes; 0 only at the end of the body.</summary>
        protected abstract Task<int> ReadBodyAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken);
    }

    /// <summary>A body framed by <c>Content-Length</c>.</summary>
    internal sealed class ContentLengthBodyStream : RequestBodyStream
    {
        private long _remaining;

        public ContentLengthBodyStream(HttpRequestReader reader, long length, Func<Task>? sendContinue)
            : base(reader, sendContinue)
        {
            _remaining = length;
        }

        public override bool IsComplete => _remaining == 0;

        protected override async Task<int> ReadBodyAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            int read = await Reader.ReadRawAsync(buffer, offset, (int)Math.Min(count, _remaining), cancellationToken).ConfigureAwait(false);
            _remaining -= read;
            return read;
        }
    }

    /// <summary>A <c>Transfer-Encoding: chunked</c> body, decoded chunk by chunk.</summary>
    internal sealed class ChunkedBodyStream : RequestBodyStream
    {
        private long _chunkRemaining;
        private bool _complete;

        public ChunkedBodyStream(HttpRequestReader reader, Func<Task>? sendContinue)
            : base(reader, sendContinue)
        {
        }

        public override bool IsComplete => _complete;

        protected override async Task<int> ReadBodyAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            if (_chunkRemaining == 0)
            {
                _chunkRemaining = await ReadChunkSizeAsync(cancellationToken).ConfigureAwait(false);
                if (_chunkRemaining == 0)
                {
                    await SkipTrailerAsync(cancellationToken).ConfigureAwait(false);
                    _complete = true;
                    return 0;
                }
            }

            int read = await Reader.ReadRawAsync(buffer, offset, (int)Math.Min(count, _chunkRemaining), cancellationToken).ConfigureAwait(false);
            _chunkRemaining -= read;
            if (_chunkRemaining == 0)
            {
                string? crlf = await Reader.ReadLineAsync(false, cancellationToken).ConfigureAwait(false);
                if (crlf == null || crlf.Length != 0)
                {
                    throw new HttpWireException(400, "Chunk not terminated by CRLF.");
                }
            }

            return read;
        }

        private async Task<long> ReadChunkSizeAsync(CancellationToken cancellationToken)
        {
            string? sizeLine = await Reader.ReadLineAsync(false, cancellationToken).ConfigureAwait(false);
            if (sizeLine == null)
            {
                throw new HttpWireException(400, "Truncated chunked body.");
            }

            int semicolon = sizeLine.IndexOf(';');
            string hex = (semicolon < 0 ? sizeLine : sizeLine.Substring(0, semicolon)).Trim();
            if (!long.TryParse(hex, System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out long size) || size < 0)
            {
                throw new HttpWireException(400, "Invalid chunk size.");
            }

            return size;
        }

        private async Task SkipTrailerAsync(CancellationToken cancellationToken)
        {
            string? trailer;
            do
            {
                trailer = await Reader.ReadLineAsync(false, cancellationToken).ConfigureAwait(false);
            }
            while (!string.IsNullOrEmpty(trailer));
        }
    }
}
