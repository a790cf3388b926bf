using System;
using System.IO;

namespace PinterestAds.Testing.Contract
{
    /// <summary>
    /// Finds Pinterest's <c>openapi.json</c>: the <c>PINTEREST_OPENAPI_SPEC</c> environment variable first, then a
    /// <c>shared/pinterest-api/openapi.json</c> beside the repository (the repository root is the folder holding
    /// <c>PinterestAds.sln</c>), searched by walking up from a start directory.
    /// </summary>
    public static class OpenApiSpecLocator
    {
        /// <summary>Environment variable naming the spec file.</summary>
        public const string EnvironmentVariable = "PINTEREST_OPENAPI_SPEC";

        /// <summary>Relative location of the spec under the shared folder.</summary>
        public static readonly string SharedRelativePath = Path.Combine("shared", "pinterest-api", "openapi.json");

        /// <summary>
        /// Returns the spec path or null. Order: <c>$env:PINTEREST_OPENAPI_SPEC</c> (returned even when the file is
        /// missing, so a wrong setting fails loudly), then walking up from <paramref name="startDirectory"/>
        /// (default: the current directory, then the directory of this assembly): at each level
        /// <c>shared/pinterest-api/openapi.json</c> and, at the repository root, <c>../shared/pinterest-api/openapi.json</c>.
        /// </summary>
        public static string? Find(string? startDirectory = null)
        {
            string? env = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(env)) return Path.GetFullPath(env!.Trim());
            return FindFrom(startDirectory ?? Directory.GetCurrentDirectory())
                ?? (startDirectory == null ? FindFrom(AppDomain.CurrentDomain.BaseDirectory) : null)
                ?? (startDirectory == null ? FindFrom(AssemblyDirectory()) : null);
        }

        private static string? AssemblyDirectory()
        {
            string location = typeof(OpenApiSpecLocator).Assembly.Location;
            return string.IsNullOrEmpty(location) ? null : Path.GetDirectoryName(location);
        }

        private static string? FindFrom(string? start)
        {
            if (string.IsNullOrEmpty(start)) return null;
            DirectoryInfo? dir;
            try
            {
                dir = new DirectoryInfo(Path.GetFullPath(start!));
            }
            catch (ArgumentException)
            {
                return null;
            }

            for (; dir != null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, SharedRelativePath);
                if (File.Exists(candidate)) return candidate;
                if (File.Exists(Path.Combine(dir.FullName, "PinterestAds.sln")) && dir.Parent != null)
                {
                    candidate = Path.Combine(dir.Parent.FullName, SharedRelativePath);
                    if (File.Exists(candidate)) return candidate;
                }
            }

            return null;
        }
    }
}
