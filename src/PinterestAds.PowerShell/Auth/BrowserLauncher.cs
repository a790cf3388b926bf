using System;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;

namespace PinterestAds.PowerShell.Auth
{
    /// <summary>Opens the sign-in page in the user's default browser; false when that is not possible.</summary>
    internal static class BrowserLauncher
    {
        public static bool TryOpen(Uri uri)
        {
            try
            {
                ProcessStartInfo start;
                if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                {
                    start = new ProcessStartInfo(uri.AbsoluteUri) { UseShellExecute = true };
                }
                else if (RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
                {
                    start = new ProcessStartInfo("open", Quote(uri.AbsoluteUri)) { UseShellExecute = false };
                }
                else
                {
                    string? opener = FindOnPath("xdg-open") ?? FindOnPath("sensible-browser") ?? FindOnPath("wslview");
                    if (opener is null)
                    {
                        return false;
                    }

                    start = new ProcessStartInfo(opener, Quote(uri.AbsoluteUri)) { UseShellExecute = false };
                }

                start.RedirectStandardOutput = !start.UseShellExecute;
                start.RedirectStandardError = !start.UseShellExecute;
                using var process = Process.Start(start);
                return process != null;
            }
            catch (Exception ex) when (ex is Win32Exception || ex is InvalidOperationException || ex is FileNotFoundException || ex is PlatformNotSupportedException)
            {
                return false;
            }
        }

        private static string Quote(string value) => "\"" + value.Replace("\"", "%22") + "\"";

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
