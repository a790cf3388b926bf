using System;
using StackExchange.Redis;

namespace PinterestAds.Core.Coordination
{
    /// <summary>Which exceptions mean Redis failed, and what failed in a few words.</summary>
    internal static class RedisFailures
    {
        /// <summary>
        /// What failed, in a few words for a message. StackExchange.Redis's own text is a dump of
        /// its connection state; it stays on the exception (and -Verbose), out of the message.
        /// </summary>
        public static string Explain(Exception ex) => ex switch
        {
            RedisConnectionException connection => connection.FailureType switch
            {
                ConnectionFailureType.AuthenticationFailure => "it refused the password or user",
                ConnectionFailureType.UnableToConnect => "it could not be connected to",
                ConnectionFailureType.UnableToResolvePhysicalConnection => "no connection to it is open; reconnecting",
                ConnectionFailureType.Loading => "it is still loading its data",
                _ => "the connection to it was lost",
            },
            RedisServerException server => "it refused the command: " + FirstLine(server.Message),
            TimeoutException => "it did not answer in time",
            System.Net.Sockets.SocketException socket when socket.SocketErrorCode == System.Net.Sockets.SocketError.ConnectionRefused => "the connection was refused",
            OperationCanceledException or ObjectDisposedException or System.IO.IOException or System.Net.Sockets.SocketException => "the connection to it was lost",
            _ => "it failed: " + ex.GetType().Name,
        };

        public static bool IsRedisFailure(Exception ex) =>
            ex is RedisException || ex is TimeoutException || ex is ObjectDisposedException || ex is System.IO.IOException || ex is System.Net.Sockets.SocketException || ex is InvalidOperationException;

        private static string FirstLine(string text)
        {
            string line = text.Split('\n')[0].Trim();
            return line.Length <= 80 ? line : line.Substring(0, 80) + "…";
        }
    }

    /// <summary>Redis could not be reached, or did not answer in time: callers fail closed.</summary>
    public sealed class RedisUnavailableException : Exception
    {
        public RedisUnavailableException(string endpoints, string reason, Exception? inner)
            : base($"Redis at {endpoints} is unreachable ({reason}).", inner)
        {
            Endpoints = endpoints;
            Reason = reason;
        }

        /// <summary>host:port of the configured endpoints (no credentials).</summary>
        public string Endpoints { get; }

        /// <summary>What failed, in a few words.</summary>
        public string Reason { get; }

        /// <summary>StackExchange.Redis's own account of the failure, redacted: for -Verbose, never for a message.</summary>
        public string Detail => Diagnostics.SecretRedactor.Redact(InnerException?.GetBaseException().Message ?? Reason);
    }
}
