using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Core.Analytics.Parsing
{
    /// <summary>
    /// The unread part of a stream in a pooled buffer: a reader parses what is there, says how much it
    /// consumed, and asks for more. The buffer grows only when one item fills it, up to a limit.
    /// </summary>
    internal sealed class StreamWindow : IDisposable
    {
        private const int InitialSize = 64 * 1024;

        private readonly Stream _stream;
        private readonly int _largest;
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialSize);
        private int _start;
        private int _end;

        /// <param name="largest">The most one item may take; past it <see cref="FillAsync"/> fails.</param>
        public StreamWindow(Stream stream, int largest)
        {
            _stream = stream;
            _largest = largest;
        }

        /// <summary>True once the stream has no more bytes.</summary>
        public bool AtEnd { get; private set; }

        /// <summary>The bytes read and not yet consumed.</summary>
        public ReadOnlySpan<byte> Unread => new ReadOnlySpan<byte>(_buffer, _start, _end - _start);

        public void Consume(long count) => _start += (int)count;

        /// <summary>Moves the unread bytes to the front, grows the buffer when they fill it, and reads more.</summary>
        /// <exception cref="FormatException">One item is larger than the limit.</exception>
        public async Task FillAsync(CancellationToken cancellationToken)
        {
            int unread = _end - _start;
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, unread);
                _start = 0;
                _end = unread;
            }

            if (_end == _buffer.Length)
            {
                if (_buffer.Length >= _largest)
                {
                    throw new FormatException($"one of its rows is larger than {_largest / (1024 * 1024)} MB");
                }

                byte[] larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }

            int read = await _stream.ReadAsync(_buffer, _end, _buffer.Length - _end, cancellationToken).ConfigureAwait(false);
            AtEnd = read == 0;
            _end += read;
        }

        public void Dispose()
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = Array.Empty<byte>();
        }
    }
}
