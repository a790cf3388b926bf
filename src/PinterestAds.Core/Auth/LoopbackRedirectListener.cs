using System;
using System.Collections.Generic;
using System.Globalization;
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
    /// Receives the browser's redirect after sign-in on the loopback redirect URI: checks the
    /// <c>state</c>, answers the browser with a short page and hands back the authorization code.
    /// It never writes the code anywhere.
    /// </summary>
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

            int question = target.IndexOf('?');
            string path = question < 0 ? target : target.Substring(0, question);
            var query = ParseQuery(question < 0 ? string.Empty : target.Substring(question + 1));
            if (!string.Equals(path, _path, StringComparison.Ordinal) || (!query.ContainsKey("code") && !query.ContainsKey("error")))
            {
                // The browser asks for /favicon.ico and the like.
                await RespondAsync(stream, 404, "Not found", "This address only receives the Pinterest sign-in.").ConfigureAwait(false);
                return;
            }

            query.TryGetValue("state", out var state);
            if (!string.Equals(state, expectedState, StringComparison.Ordinal))
            {
                await RespondAsync(stream, 400, "Sign-in refused", "The sign-in response did not match this sign-in (state mismatch). Close this window and run Connect-PinterestAds again.").ConfigureAwait(false);
                result.TrySetException(new PinterestAdsException(
                    "stateMismatch",
                    FailureKind.Authentication,
                    "The sign-in redirect carried a state that does not match the one this sign-in sent, so its authorization code was not used (the response belongs to another sign-in, or was forged).",
                    "Run Connect-PinterestAds again and complete only the newest sign-in in the browser."));
                return;
            }

            if (query.TryGetValue("error", out var error))
            {
                query.TryGetValue("error_description", out var description);
                await RespondAsync(stream, 200, "Sign-in not completed", "Pinterest did not grant access. You can close this window.").ConfigureAwait(false);
                result.TrySetException(new PinterestAdsException(
                    "signInDenied",
                    FailureKind.Authentication,
                    SecretRedactor.Redact($"Pinterest did not grant access: {error}{(string.IsNullOrEmpty(description) ? string.Empty : " — " + description)}."),
                    "Run Connect-PinterestAds again and allow the app access in the browser."));
                return;
            }

            string code = query["code"];
            SecretRedactor.Register(code);
            await RespondAsync(stream, 200, "Signed in", "You are signed in to Pinterest Ads in PowerShell. You can close this window.").ConfigureAwait(false);
            observer.Verbose("The browser returned to the redirect address; the state matches.");
            result.TrySetResult(code);
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

        private static Dictionary<string, string> ParseQuery(string query)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in query.Split(new[] { '&' }, StringSplitOptions.RemoveEmptyEntries))
            {
                int equals = pair.IndexOf('=');
                string key = Decode(equals < 0 ? pair : pair.Substring(0, equals));
                string value = equals < 0 ? string.Empty : Decode(pair.Substring(equals + 1));
                if (!result.ContainsKey(key))
                {
                    result[key] = value;
                }
            }

            return result;
        }

        private static string Decode(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

        private static async Task RespondAsync(NetworkStream stream, int status, string title, string text)
        {
            string html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + WebUtilityEncode(title) + "</title></head><body style=\"font-family:sans-serif\"><h1>"
                + WebUtilityEncode(title) + "</h1><p>" + WebUtilityEncode(text) + "</p></body></html>";
            byte[] body = Encoding.UTF8.GetBytes(html);
            string reason = status == 200 ? "OK" : status == 400 ? "Bad Request" : "Not Found";
            string head = string.Format(CultureInfo.InvariantCulture, "HTTP/1.1 {0} {1}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {2}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n", status, reason, body.Length);
            byte[] headBytes = Encoding.ASCII.GetBytes(head);
            byte[] all = new byte[headBytes.Length + body.Length];
            Buffer.BlockCopy(headBytes, 0, all, 0, headBytes.Length);
            Buffer.BlockCopy(body, 0, all, headBytes.Length, body.Length);
            await stream.WriteAsync(all, 0, all.Length).ConfigureAwait(false);
            await stream.FlushAsync().ConfigureAwait(false);
        }

        private static string WebUtilityEncode(string text) => WebUtility.HtmlEncode(text);
    }
}
