using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using PinterestAds.Core.Auth;

namespace PinterestAds.PowerShell.Auth
{
    /// <summary>
    /// Opens the sign-in page in a browser: the commands of the BROWSER environment variable
    /// first (see <see cref="BrowserCommand"/>), else the system's default browser; false when
    /// neither could be started.
    /// </summary>
    internal static class BrowserLauncher
    {
        public static bool TryOpen(Uri uri)
        {
            foreach (var command in BrowserCommand.Parse(Environment.GetEnvironmentVariable(BrowserCommand.VariableName), uri, Path.PathSeparator))
            {
                if (TryStart(new ProcessStartInfo(command.Program, command.Arguments) { UseShellExecute = false }))
                {
                    return true;
                }
            }

            return DefaultBrowser(uri) is ProcessStartInfo start && TryStart(start);
        }

        private static ProcessStartInfo? DefaultBrowser(Uri uri)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                return new ProcessStartInfo(uri.AbsoluteUri) { UseShellExecute = true };
            }

            string? opener = RuntimeInformation.IsOSPlatform(OSPlatform.OSX)
                ? "open"
                : FindOnPath("xdg-open") ?? FindOnPath("sensible-browser") ?? FindOnPath("wslview");
            return opener is null ? null : new ProcessStartInfo(opener, BrowserCommand.Quote(uri)) { UseShellExecute = false };
        }

        private static bool TryStart(ProcessStartInfo start)
        {
            try
            {
                // The browser's own chatter stays off the console. Its output is read to the end
                // in the background: a browser blocked on a full pipe would never show the page.
                start.RedirectStandardOutput = !start.UseShellExecute;
                start.RedirectStandardError = !start.UseShellExecute;
                using var process = Process.Start(start);
                if (process is null)
                {
                    return false;
                }

                if (!start.UseShellExecute)
                {
                    process.OutputDataReceived += Discard;
                    process.ErrorDataReceived += Discard;
                    process.BeginOutputReadLine();
                    process.BeginErrorReadLine();
                }

                return true;
            }
            catch (Exception ex) when (ex is Win32Exception || ex is InvalidOperationException || ex is FileNotFoundException || ex is PlatformNotSupportedException)
            {
                return false;
            }
        }

        private static void Discard(object sender, DataReceivedEventArgs e)
        {
        }

        private static string? FindOnPath(string name)
        {
            foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
            {
                if (folder.Length == 0)
                {
                    continue;
                }

                string candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }
}
