using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Auth
{
    /// <summary>
    /// Receives the browser's redirect after sign-in on the loopback redirect URI: listens on the
    /// loopback address(es), reads each request line and answers it. What a request means is
    /// <see cref="SignInRedirect"/>'s to judge (state check included) and what the browser is shown is
    /// <see cref="SignInResponsePage"/>. It never writes the code anywhere.
    /// </summary>
    /// <remarks>
    /// A TcpListener that reads one request line, not HttpListener: the redirect carries everything in
    /// its request line, and the port must be this process's alone. On Windows HttpListener goes through
    /// http.sys, which shares a port among processes by URL prefix, so another program registered for a
    /// longer prefix on the same port would receive the code; a socket bound without address reuse cannot
    /// be shared. It also listens on both loopback addresses for <c>localhost</c>, whichever the browser picks.
    /// </remarks>
    internal sealed class LoopbackRedirectListener : IDisposable
    {
        private const int MaxRequestBytes = 16 * 1024;

        private readonly List<TcpListener> _listeners;
        private readonly string _path;

        private LoopbackRedirectListener(List<TcpListener> listeners, string path)
        {
            _listeners = listeners;
            _path = path;
        }

        /// <summary>How long the sign-in may take in the browser.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

        /// <summary>Checks that <paramref name="redirectUri"/> is a loopback http address with a port, and listens on it.</summary>
        public static LoopbackRedirectListener Start(Uri redirectUri)
        {
            RequireLoopback(redirectUri);
            var addresses = redirectUri.IsLoopback && string.Equals(redirectUri.Host, "localhost", StringComparison.OrdinalIgnoreCase)
                ? new[] { IPAddress.Loopback, IPAddress.IPv6Loopback }
                : new[] { IPAddress.Parse(redirectUri.Host.Trim('[', ']')) };

            var listeners = new List<TcpListener>();
            Exception? failure = null;
            foreach (var address in addresses)
            {
                try
                {
                    var listener = new TcpListener(address, redirectUri.Port);
                    listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, false);
                    listener.Start();
                    listeners.Add(listener);
                }
                catch (SocketException ex)
                {
                    // ::1 may be missing on hosts without IPv6; only fail when nothing listens.
                    failure ??= ex;
                }
            }

            if (listeners.Count == 0)
            {
                throw PinterestAdsException.InvalidArgument(
                    "RedirectUri",
                    $"cannot listen on {redirectUri} ({failure?.Message}). Another program may use port {redirectUri.Port}; choose a free port and register that redirect URI for the app.",
                    redirectUri.ToString());
            }

            return new LoopbackRedirectListener(listeners, redirectUri.AbsolutePath);
        }

        public static void RequireLoopback(Uri redirectUri)
        {
            if (redirectUri.Scheme != Uri.UriSchemeHttp || !redirectUri.IsLoopback || !string.IsNullOrEmpty(redirectUri.Query) || !string.IsNullOrEmpty(redirectUri.Fragment))
            {
                throw PinterestAdsException.InvalidArgument(
                    "RedirectUri",
                    $"'{redirectUri}' must be a loopback http address such as http://localhost:8085/ for the browser sign-in (no query or fragment).",
                    redirectUri.ToString());
            }
        }

        /// <summary>Waits for the redirect and returns the code; a wrong or missing state is an error and the code is not used.</summary>
        public async Task<string> WaitForCodeAsync(string expectedState, TimeSpan timeout, ICallObserver observer, CancellationToken cancellationToken)
        {
            using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeoutSource.CancelAfter(timeout);
            var result = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            using var registration = timeoutSource.Token.Register(() =>
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    result.TrySetCanceled(cancellationToken);
                }
                else
                {
                    result.TrySetException(new PinterestAdsException(
                        "signInTimedOut",
                        FailureKind.OperationTimeout,
                        $"No sign-in arrived at the redirect address within {timeout.TotalMinutes:0.#} minute(s).",
                        "Run Connect-PinterestAds again and finish the sign-in in the browser, or use -RefreshToken / -EnvironmentVariable."));
                }

                Stop();
            });

            foreach (var listener in _listeners)
            {
                _ = AcceptLoopAsync(listener, expectedState, result, observer);
            }

            try
            {
                return await result.Task.ConfigureAwait(false);
            }
            finally
            {
                Stop();
            }
        }

        public void Dispose() => Stop();

        private void Stop()
        {
            foreach (var listener in _listeners)
            {
                try
                {
                    listener.Stop();
                }
                catch (SocketException)
                {
                }
            }
        }

        private async Task AcceptLoopAsync(TcpListener listener, string expectedState, TaskCompletionSource<string> result, ICallObserver observer)
        {
            while (!result.Task.IsCompleted)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync().ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is ObjectDisposedException || ex is SocketException || ex is InvalidOperationException)
                {
                    return;
                }

                using (client)
                {
                    try
                    {
                        await HandleAsync(client, expectedState, result, observer).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (ex is System.IO.IOException || ex is SocketException || ex is ObjectDisposedException)
                    {
                        // A browser that gave up on a connection; keep waiting for the real redirect.
                    }
                }
            }
        }

        private async Task HandleAsync(TcpClient client, string expectedState, TaskCompletionSource<string> result, ICallObserver observer)
        {
            client.NoDelay = true;
            var stream = client.GetStream();
            string? target = await ReadRequestTargetAsync(stream).ConfigureAwait(false);
            if (target is null)
            {
                return;
            }

            // Answer the browser before completing: the waiting sign-in goes on, and stops listening, once the result is set.
            var redirect = SignInRedirect.Judge(target, _path, expectedState);
            byte[] response = redirect.Page.ToHttpResponse();
            await stream.WriteAsync(response, 0, response.Length).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
            if (redirect.Failure != null)
            {
                result.TrySetException(redirect.Failure);
            }
            else if (redirect.Code != null)
            {
                observer.Verbose("The browser returned to the redirect address; the state matches.");
                result.TrySetResult(redirect.Code);
            }
        }

        private static async Task<string?> ReadRequestTargetAsync(NetworkStream stream)
        {
            var buffer = new byte[MaxRequestBytes];
            int length = 0;
            while (length < buffer.Length)
            {
                int read = await stream.ReadAsync(buffer, length, buffer.Length - length).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (Encoding.ASCII.GetString(buffer, 0, length).Contains("\r\n\r\n"))
                {
                    break;
                }
            }

            string head = Encoding.ASCII.GetString(buffer, 0, length);
            int lineEnd = head.IndexOf("\r\n", StringComparison.Ordinal);
            string[] parts = (lineEnd < 0 ? head : head.Substring(0, lineEnd)).Split(' ');
            return parts.Length >= 2 && parts[0] == "GET" ? parts[1] : null;
        }
    }
}
