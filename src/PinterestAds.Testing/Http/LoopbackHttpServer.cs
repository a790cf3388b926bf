using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace PinterestAds.Testing.Http
{
    /// <summary>
    /// TcpListener on 127.0.0.1 and a free port (<see cref="FreshPorts"/>). HttpListener is not used because it owns the
    /// sockets: we need Nagle off, one send per response and the ability to drop a connection.
    /// </summary>
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
