using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Testing.Http
{
    /// <summary>
    /// TcpListener on 127.0.0.1 and a free port (<see cref="FreshPorts"/>), speaking HTTP/1.1 itself (this folder).
    /// </summary>
    /// <remarks>
    /// Why no server package: the fake's wire tests hold it to what happens on the socket (Nagle off on every
    /// accepted connection, each response in one send, a connection closed without a byte after its request
    /// was logged, a streamed body drained or the connection closed while 100 Continue is pending), and they
    /// count those at the socket (<see cref="WireStats"/>). HttpListener owns its sockets and shows none of
    /// that. Kestrel is a package only as 2.3 (later versions live in the ASP.NET Core shared framework, which
    /// PowerShell does not load); it hides the same details behind its own buffering and would add some fifteen
    /// assemblies to every user's install of the module for a test server. What the fake speaks is only
    /// what the module and its tests send; parsing of query values and multipart forms is WebUtilities'.
    /// </remarks>
    internal sealed class LoopbackHttpServer : IDisposable
    {
        private readonly Func<HttpRequestData, Task<WireOutcome>> _handler;
        private readonly Func<string, string, bool> _streamsBody;
        private readonly Func<DateTimeOffset> _clock;
        private readonly ConcurrentDictionary<TcpClient, byte> _connections = new ConcurrentDictionary<TcpClient, byte>();
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private TcpListener? _listener;
        private Task? _acceptLoop;

        /// <param name="handler">Answers a request.</param>
        /// <param name="streamsBody">(method, path) → true when that request's body is handed over as a stream instead of read whole.</param>
        /// <param name="clock">The Date header's clock.</param>
        public LoopbackHttpServer(Func<HttpRequestData, Task<WireOutcome>> handler, Func<string, string, bool> streamsBody, Func<DateTimeOffset> clock)
        {
            _handler = handler;
            _streamsBody = streamsBody;
            _clock = clock;
        }

        public WireStats Stats { get; } = new WireStats();

        public int Port { get; private set; }

        public bool IsRunning => _listener != null && !_stopping.IsCancellationRequested;

        public void Start()
        {
            if (_listener != null)
            {
                throw new InvalidOperationException("The server is already started.");
            }

            // A large backlog: several test processes open connections in bursts.
            var listener = FreshPorts.Listen(512);
            _listener = listener;
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            _acceptLoop = Task.Run(AcceptLoopAsync);
        }

        public void Stop()
        {
            if (_listener == null || _stopping.IsCancellationRequested)
            {
                return;
            }

            _stopping.Cancel();
            _listener.Stop();
            foreach (var client in _connections.Keys)
            {
                client.Dispose();
            }

            try
            {
                _acceptLoop?.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
                // The accept loop ends with the listener's disposal exception; nothing to report.
            }
        }

        public void Dispose()
        {
            Stop();
            _stopping.Dispose();
        }

        private async Task AcceptLoopAsync()
        {
            CancellationToken stopping = _stopping.Token;
            while (!_stopping.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener!.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is SocketException || ex is ObjectDisposedException || ex is InvalidOperationException)
                {
                    if (_stopping.IsCancellationRequested)
                    {
                        return;
                    }

                    continue;
                }

                _connections.TryAdd(client, 0);
                var connection = new HttpConnection(client, _handler, _streamsBody, Stats, _clock);
                _ = Task.Run(async () =>
                {
                    try
                    {
                        await connection.RunAsync(stopping).ConfigureAwait(false);
                    }
                    finally
                    {
                        _connections.TryRemove(client, out _);
                    }
                });
            }
        }
    }
}
