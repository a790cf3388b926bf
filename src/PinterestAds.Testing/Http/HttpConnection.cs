using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Testing.Http
{
    /// <summary>
    /// Serves one kept-alive TCP connection: read a request, hand it on, write the whole response in
    /// one send. A streamed request body the handler left unread is drained before the next request
    /// (or, when the client still waits for <c>100 Continue</c>, the connection closes after the answer).
    /// </summary>
    internal sealed class HttpConnection
    {
        private static readonly byte[] ContinueBytes = Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n");

        private readonly TcpClient _client;
        private readonly Func<HttpRequestData, Task<WireOutcome>> _handler;
        private readonly Func<string, string, bool> _streamsBody;
        private readonly WireStats _stats;
        private readonly Func<DateTimeOffset> _clock;

        public HttpConnection(TcpClient client, Func<HttpRequestData, Task<WireOutcome>> handler, Func<string, string, bool> streamsBody, WireStats stats, Func<DateTimeOffset> clock)
        {
            _client = client;
            _handler = handler;
            _streamsBody = streamsBody;
            _stats = stats;
            _clock = clock;
        }

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            // Nagle off: a small response must leave now, not wait for the previous segment's ACK.
            _client.NoDelay = true;
            _stats.Accepted(_client.NoDelay);
            NetworkStream stream = _client.GetStream();
            var reader = new HttpRequestReader(stream);
            try
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    HttpRequestData? request;
                    try
                    {
                        request = await reader.ReadAsync(() => stream.WriteAsync(ContinueBytes, 0, ContinueBytes.Length, cancellationToken), _streamsBody, cancellationToken).ConfigureAwait(false);
                    }
                    catch (HttpWireException ex)
                    {
                        var error = new HttpResponseData(ex.Status, "application/json; charset=utf-8", Encoding.UTF8.GetBytes("{\"code\":1,\"message\":\"" + ex.Message + "\"}"));
                        await WriteAsync(stream, error, false, cancellationToken).ConfigureAwait(false);
                        return;
                    }

                    if (request == null)
                    {
                        return;
                    }

                    WireOutcome outcome = await _handler(request).ConfigureAwait(false);
                    if (outcome.Response == null)
                    {
                        // Injected fault: the request may have been committed but the client hears nothing.
                        return;
                    }

                    bool keepAlive = request.KeepAlive;
                    RequestBodyStream? body = request.BodyStream;
                    if (body != null && !body.IsComplete)
                    {
                        if (body.ContinuePending)
                        {
                            keepAlive = false;
                        }
                        else
                        {
                            await body.DrainAsync(cancellationToken).ConfigureAwait(false);
                        }
                    }

                    await WriteAsync(stream, outcome.Response, keepAlive, cancellationToken).ConfigureAwait(false);
                    if (!keepAlive)
                    {
                        _client.Client.Shutdown(SocketShutdown.Send);
                        return;
                    }
                }
            }
            catch (Exception ex) when (ex is IOException || ex is SocketException || ex is ObjectDisposedException || ex is OperationCanceledException)
            {
                // Peer went away or the server is stopping: nothing to answer.
            }
            finally
            {
                _client.Dispose();
            }
        }

        private async Task WriteAsync(NetworkStream stream, HttpResponseData response, bool keepAlive, CancellationToken cancellationToken)
        {
            if (response.BodyWriter != null)
            {
                await WriteStreamedAsync(stream, response, keepAlive, cancellationToken).ConfigureAwait(false);
                return;
            }

            byte[] bytes = response.Serialize(keepAlive, _clock());
            // Counted before the send: a client that has the response must find it counted. Counted
            // after the await, the last response of a run could still be uncounted when the client
            // read the stats (the continuation had not run yet under CPU load).
            _stats.ResponseWritten(1);
            await stream.WriteAsync(bytes, 0, bytes.Length, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// A generated download: the head and the body go through one 64 KB buffer (so the head
        /// leaves with the first body bytes) and the body is never held whole.
        /// </summary>
        private async Task WriteStreamedAsync(NetworkStream stream, HttpResponseData response, bool keepAlive, CancellationToken cancellationToken)
        {
            _stats.StreamedResponseWritten();
            var buffered = new BufferedStream(stream, 64 * 1024);
            byte[] head = response.SerializeHead(keepAlive, _clock(), response.StreamedLength);
            await buffered.WriteAsync(head, 0, head.Length, cancellationToken).ConfigureAwait(false);
            await response.BodyWriter!(buffered, cancellationToken).ConfigureAwait(false);
            await buffered.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
