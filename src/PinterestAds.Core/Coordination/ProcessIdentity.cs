using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace PinterestAds.Core.Coordination
{
    /// <summary>
    /// Who holds a shared claim: <c>host|pid|start</c>. On the same host a claim whose process is
    /// gone (killed, crashed) can be taken over at once instead of waiting for its lease; the
    /// start time tells a reused process id from the original.
    /// </summary>
    public static class ProcessIdentity
    {
        private static readonly Lazy<string> Self = new Lazy<string>(() =>
        {
            using var process = Process.GetCurrentProcess();
            return Format(Environment.MachineName, process.Id, StartOf(process));
        });

        /// <summary>This process.</summary>
        public static string Current => Self.Value;

        /// <summary>
        /// True only when <paramref name="holder"/> names a process on this host that is certainly
        /// not running any more. Another host, an unreadable value or a process we may not inspect
        /// count as alive: then only the lease decides.
        /// </summary>
        public static bool IsDeadHere(string? holder)
        {
            var parts = holder?.Split('|');
            if (parts is not { Length: 3 } || !string.Equals(parts[0], Environment.MachineName, StringComparison.OrdinalIgnoreCase) ||
                !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out int pid) ||
                !long.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out long started))
            {
                return false;
            }

            try
            {
                using var process = Process.GetProcessById(pid);
                // The id was reused by a process that started at another time.
                return Math.Abs(StartOf(process) - started) > 1000 || process.HasExited;
            }
            catch (ArgumentException)
            {
                return true;
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is Win32Exception || ex is NotSupportedException)
            {
                return false;
            }
        }

        private static string Format(string host, int pid, long started) =>
            host + "|" + pid.ToString(CultureInfo.InvariantCulture) + "|" + started.ToString(CultureInfo.InvariantCulture);

        /// <summary>The process's start, in Unix milliseconds.</summary>
        private static long StartOf(Process process) => new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds();
    }
}
