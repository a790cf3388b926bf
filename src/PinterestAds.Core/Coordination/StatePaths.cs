using System;
using System.IO;
using System.Text;

namespace PinterestAds.Core.Coordination
{
    /// <summary>
    /// Where machine-local state lives when no Redis is configured: PINTEREST_ADS_STATE_DIRECTORY
    /// when set, else the user's local application data folder (<c>%LOCALAPPDATA%\PinterestAds</c>,
    /// <c>~/.local/share/PinterestAds</c>), or a per-user folder under the temp directory when the
    /// profile has none (service accounts).
    /// </summary>
    public static class StatePaths
    {
        /// <summary>Environment variable that moves the machine-local state (tests, benchmarks, locked-down profiles).</summary>
        public const string DirectoryVariable = "PINTEREST_ADS_STATE_DIRECTORY";

        public static string DefaultRoot()
        {
            string? configured = Environment.GetEnvironmentVariable(DirectoryVariable);
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return Path.GetFullPath(configured);
            }

            string local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
            if (!string.IsNullOrEmpty(local))
            {
                return Path.Combine(local, "PinterestAds");
            }

            return Path.Combine(Path.GetTempPath(), "PinterestAds-" + SafeName(Environment.UserName));
        }

        /// <summary>A short, file-name-safe digest of <paramref name="text"/> (first 16 bytes of SHA-256, hex).</summary>
        public static string Digest(string text) => Hashing.Sha256Hex(text).Substring(0, 32);

        private static string SafeName(string name)
        {
            var builder = new StringBuilder();
            foreach (char c in name ?? string.Empty)
            {
                builder.Append(char.IsLetterOrDigit(c) ? c : '_');
            }

            return builder.Length == 0 ? "user" : builder.ToString();
        }
    }
}
