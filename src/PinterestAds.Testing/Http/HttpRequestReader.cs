using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Testing.Http
{
    /// <summary>
    /// Reads HTTP/1.1 requests from a kept-alive stream with its own buffer, so bytes of the
    /// next pipelined request that arrive with this one are not lost between requests.
    /// Supports Content-Length and chunked bodies and answers <c>Expect: 100-continue</c>.
    /// Bodies are read whole (up to 64 MB) unless the route streams them: then the request
    /// carries a <see cref="RequestBodyStream"/> over this reader instead.
    /// </summary>
    internal sealed class HttpRequestReader
    {
        private const int MaxHeaderBytes = 64 * 1024;
        private const int MaxBodyBytes = 64 * 1024 * 1024;

        private readonly Stream _stream;
        private byte[] _buffer = new byte[16 * 1024];
        private int _start;
        private int _end;

        public HttpRequestReader(Stream stream)
        {
            _stream = stream;
        }

        /// <summary>Reads the next request; null when the peer closed the connection between requests.</summary>
        /// <param name="sendContinue">Writes <c>100 Continue</c> to the client.</param>
        /// <param name="streamsBody">(method, path) → true when the handler reads the body as a stream.</param>
        public async Task<HttpRequestData?> ReadAsync(Func<Task> sendContinue, Func<string, string, bool> streamsBody, CancellationToken cancellationToken)
        {
            string? requestLine;
            do
            {
                // RFC 9112 2.2: ignore empty lines before a request line.
                requestLine = await ReadLineAsync(true, cancellationToken).ConfigureAwait(false);
                if (requestLine == null)
                {
                    return null;
                }
            }
            while (requestLine.Length == 0);

            string[] parts = requestLine.Split(' ');
            if (parts.Length != 3 || parts[0].Length == 0 || parts[1].Length == 0 || !parts[2].StartsWith("HTTP/1.", StringComparison.Ordinal))
            {
                throw new HttpWireException(400, "Malformed request line.");
            }

            var headers = new List<KeyValuePair<string, string>>();
            int headerBytes = requestLine.Length;
            while (true)
            {
                string? line = await ReadLineAsync(false, cancellationToken).ConfigureAwait(false);
                if (line == null || line.Length == 0)
                {
                    break;
                }

                headerBytes += line.Length;
                if (headerBytes > MaxHeaderBytes)
                {
                    throw new HttpWireException(431, "Request headers too large.");
                }

                int colon = line.IndexOf(':');
                if (colon <= 0 || line[0] == ' ' || line[0] == '\t')
                {
                    throw new HttpWireException(400, "Malformed header line.");
                }

                headers.Add(new KeyValuePair<string, string>(line.Substring(0, colon).Trim(), line.Substring(colon + 1).Trim()));
            }

            string? transferEncoding = Find(headers, "Transfer-Encoding");
            string? contentLength = Find(headers, "Content-Length");
            bool chunked = transferEncoding != null && transferEncoding.IndexOf("chunked", StringComparison.OrdinalIgnoreCase) >= 0;
            bool hasBody = chunked || (contentLength != null && contentLength != "0");

            string? expect = Find(headers, "Expect");
            bool expectsContinue = hasBody && expect != null && expect.Equals("100-continue", StringComparison.OrdinalIgnoreCase);
            long length = 0;
            if (!chunked && contentLength != null && !long.TryParse(contentLength, NumberStyles.None, CultureInfo.InvariantCulture, out length))
            {
                throw new HttpWireException(400, "Invalid Content-Length.");
            }

            string target = parts[1];
            int query = target.IndexOf('?');
            if (hasBody && streamsBody(parts[0], query < 0 ? target : target.Substring(0, query)))
            {
                Func<Task>? lazyContinue = expectsContinue ? sendContinue : null;
                RequestBodyStream stream = chunked ? new ChunkedBodyStream(this, lazyContinue) : new ContentLengthBodyStream(this, length, lazyContinue);
                return new HttpRequestData(parts[0], target, parts[2], headers, new byte[0], stream);
            }

            if (expectsContinue)
            {
                await sendContinue().ConfigureAwait(false);
            }

            byte[] body;
            if (chunked)
            {
                body = await ReadChunkedAsync(cancellationToken).ConfigureAwait(false);
            }
            else if (length > MaxBodyBytes)
            {
                throw new HttpWireException(413, "Request body too large.");
            }
            else
            {
                body = await ReadExactAsync((int)length, cancellationToken).ConfigureAwait(false);
            }

            return new HttpRequestData(parts[0], parts[1], parts[2], headers, body);
        }

        private static string? Find(List<KeyValuePair<string, string>> headers, string name)
        {
            foreach (var header in headers)
            {
                if (string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    return header.Value;
                }
            }

            return null;
        }

        private async Task<byte[]> ReadChunkedAsync(CancellationToken cancellationToken)
        {
            var chunks = new ChunkedBodyStream(this, null);
            using (var body = new MemoryStream())
            {
                var buffer = new byte[16 * 1024];
                int read;
                while ((read = await chunks.ReadAsync(buffer, 0, buffer.Length, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    if (body.Length + read > MaxBodyBytes)
                    {
                        throw new HttpWireException(413, "Request body too large.");
                    }

                    body.Write(buffer, 0, read);
                }

                return body.ToArray();
            }
        }

        /// <summary>
        /// Reads up to <paramref name="count"/> bytes of body: what is already buffered first, then
        /// straight from the socket into the caller's buffer (no copy, no growth). 0 never means
        /// "end": the caller knows the framing, so a closed socket is an error.
        /// </summary>
        public async Task<int> ReadRawAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            if (count == 0)
            {
                return 0;
            }

            int buffered = _end - _start;
            if (buffered > 0)
            {
                int take = Math.Min(count, buffered);
                Buffer.BlockCopy(_buffer, _start, buffer, offset, take);
                _start += take;
                return take;
            }

            int read = await _stream.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new IOException("Connection closed in the middle of a request body.");
            }

            return read;
        }

        private async Task<byte[]> ReadExactAsync(int count, CancellationToken cancellationToken)
        {
            var result = new byte[count];
            int buffered = Math.Min(count, _end - _start);
            Buffer.BlockCopy(_buffer, _start, result, 0, buffered);
            _start += buffered;
            int filled = buffered;
            while (filled < count)
            {
                int read = await _stream.ReadAsync(result, filled, count - filled, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException("Connection closed in the middle of a request body.");
                }

                filled += read;
            }

            return result;
        }

        /// <summary>Reads one line without its CR LF. Null on end of stream (only allowed between requests when <paramref name="eofAllowed"/>).</summary>
        public async Task<string?> ReadLineAsync(bool eofAllowed, CancellationToken cancellationToken)
        {
            while (true)
            {
                int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
                if (newline >= 0)
                {
                    int length = newline - _start;
                    if (length > 0 && _buffer[newline - 1] == (byte)'\r')
                    {
                        length--;
                    }

                    string line = Encoding.UTF8.GetString(_buffer, _start, length);
                    _start = newline + 1;
                    return line;
                }

                if (_end - _start > MaxHeaderBytes)
                {
                    throw new HttpWireException(431, "Header line too long.");
                }

                if (_start > 0)
                {
                    Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                    _end -= _start;
                    _start = 0;
                }

                if (_end == _buffer.Length)
                {
                    Array.Resize(ref _buffer, _buffer.Length * 2);
                }

                int read = await _stream.ReadAsync(_buffer, _end, _buffer.Length - _end, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    if (eofAllowed && _end == _start)
                    {
                        return null;
                    }

                    throw new IOException("Connection closed in the middle of a request.");
                }

                _end += read;
            }
        }
    }
}
