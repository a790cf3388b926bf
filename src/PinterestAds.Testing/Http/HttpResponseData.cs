using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.WebUtilities;

namespace PinterestAds.Testing.Http
{
    /// <summary>
    /// A response. Immutable so a stored idempotent response can be replayed with extra headers
    /// without affecting the original. Usually complete (<see cref="Body"/>); a large download is
    /// instead written by <see cref="BodyWriter"/> as it is generated, with its length known up front.
    /// </summary>
    internal sealed class HttpResponseData
    {
        private static readonly byte[] Empty = new byte[0];

        public HttpResponseData(int status, string? contentType, byte[]? body, IReadOnlyList<KeyValuePair<string, string>>? headers = null)
        {
            Status = status;
            ContentType = contentType;
            Body = body ?? Empty;
            Headers = headers ?? new KeyValuePair<string, string>[0];
        }

        private HttpResponseData(int status, string? contentType, Func<Stream, CancellationToken, Task> bodyWriter, long length, IReadOnlyList<KeyValuePair<string, string>> headers)
            : this(status, contentType, null, headers)
        {
            BodyWriter = bodyWriter;
            StreamedLength = length;
        }

        /// <summary>Writes the body of a streamed response; null for a complete one.</summary>
        public Func<Stream, CancellationToken, Task>? BodyWriter { get; }

        /// <summary>Exact byte count <see cref="BodyWriter"/> writes (the Content-Length).</summary>
        public long StreamedLength { get; }

        /// <summary>A response whose body of exactly <paramref name="length"/> bytes is written as it is generated.</summary>
        public static HttpResponseData Streamed(int status, string contentType, long length, Func<Stream, CancellationToken, Task> bodyWriter, IReadOnlyList<KeyValuePair<string, string>>? headers = null) =>
            new HttpResponseData(status, contentType, bodyWriter, length, headers ?? new KeyValuePair<string, string>[0]);

        public int Status { get; }

        public string? ContentType { get; }

        public byte[] Body { get; }

        /// <summary>Extra headers (Content-Type, Content-Length, Date and Connection are added on the wire).</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

        public string BodyText => Encoding.UTF8.GetString(Body);

        public HttpResponseData WithHeader(string name, string value)
        {
            var headers = new List<KeyValuePair<string, string>>(Headers.Count + 1);
            foreach (var header in Headers)
            {
                if (!string.Equals(header.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    headers.Add(header);
                }
            }

            headers.Add(new KeyValuePair<string, string>(name, value));
            return BodyWriter != null
                ? new HttpResponseData(Status, ContentType, BodyWriter, StreamedLength, headers)
                : new HttpResponseData(Status, ContentType, Body, headers);
        }

        /// <summary>
        /// Status line, headers and body in ONE buffer: the connection writes it with a single
        /// send so a kept-alive client never waits on a delayed ACK between headers and body.
        /// </summary>
        public byte[] Serialize(bool keepAlive, DateTimeOffset now)
        {
            byte[] headBytes = SerializeHead(keepAlive, now, Body.Length);
            using (var buffer = new MemoryStream(headBytes.Length + Body.Length))
            {
                buffer.Write(headBytes, 0, headBytes.Length);
                buffer.Write(Body, 0, Body.Length);
                return buffer.ToArray();
            }
        }

        /// <summary>Status line and headers, ending with the blank line.</summary>
        public byte[] SerializeHead(bool keepAlive, DateTimeOffset now, long contentLength)
        {
            var head = new StringBuilder(256);
            head.Append("HTTP/1.1 ").Append(Status.ToString(CultureInfo.InvariantCulture)).Append(' ')
                .Append(ReasonPhrases.GetReasonPhrase(Status)).Append("\r\n");
            head.Append("Date: ").Append(now.UtcDateTime.ToString("r", CultureInfo.InvariantCulture)).Append("\r\n");
            if (ContentType != null)
            {
                head.Append("Content-Type: ").Append(ContentType).Append("\r\n");
            }

            head.Append("Content-Length: ").Append(contentLength.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
            head.Append("Connection: ").Append(keepAlive ? "keep-alive" : "close").Append("\r\n");
            foreach (var header in Headers)
            {
                head.Append(header.Key).Append(": ").Append(header.Value).Append("\r\n");
            }

            head.Append("\r\n");
            return Encoding.UTF8.GetBytes(head.ToString());
        }
    }
}
