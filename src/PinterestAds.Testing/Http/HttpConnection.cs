using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Testing.Http
{
    /// <summary>Serves one kept-alive TCP connection: read a request, hand it on, write the whole response in one send.</summary>
    internal sealed class HttpConnection
    {
        private static readonly byte[] ContinueBytes = Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n");

        private readonly TcpClient _client;
        private readonly Func<HttpRequestData, Task<WireOutcome>> _handler;
        private readonly WireStats _stats;
        private readonly Func<DateTimeOffset> _clock;

        public HttpConnection(TcpClient client, Func<HttpRequestData, Task<WireOutcome>> handler, WireStats stats, Func<DateTimeOffset> clock)
        {
            _client = client;
            _handler = handler;
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
                        request = await reader.ReadAsync(() => stream.WriteAsync(ContinueBytes, 0, ContinueBytes.Length, cancellationToken), cancellationToken).ConfigureAwait(false);
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
            byte[] bytes = response.Serialize(keepAlive, _clock());
            // Counted before the send: a client that has the response must find it counted. Counted
            // after the await, the last response of a run could still be uncounted when the client
            // read the stats (the continuation had not run yet under CPU load).
            _stats.ResponseWritten(1);
            await stream.WriteAsync(bytes, 0, bytes.Length, cancellationToken).ConfigureAwait(false);
        }
    }
}
