using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Threading;

namespace PinterestAds.PowerShell.Infrastructure
{
    /// <summary>
    /// The module's dependencies/ folder beside PinterestAds.dll: the only place the resolvers look,
    /// and the record of what they loaded from it.
    /// </summary>
    internal static class DependencyFolder
    {
        /// <summary>The cmdlet assembly; dependencies/ sits beside it.</summary>
        public static readonly Assembly Self = typeof(DependencyFolder).Assembly;

        public static readonly string FullPath =
            Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Self.Location) ?? ".", "dependencies"));

        private static readonly object Gate = new object();

        // Simple name -> what we loaded. Every load goes through here, so an assembly is never
        // loaded twice, whichever resolving event asked for it first.
        private static readonly Dictionary<string, Assembly> Loaded = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);

        // One listing of dependencies/ (names only), on first use; PublicationOnly so a failed listing is tried again.
        private static readonly Lazy<Dictionary<string, string>> Files = new Lazy<Dictionary<string, string>>(ListFiles, LazyThreadSafetyMode.PublicationOnly);

        public static bool TryGetAssembly(string simpleName, out string path) => Files.Value.TryGetValue(simpleName, out path);

        /// <summary>The assembly loaded earlier under <paramref name="simpleName"/>, or the one <paramref name="load"/> loads from <paramref name="path"/> now.</summary>
        public static Assembly LoadOnce(string simpleName, string path, Func<string, Assembly> load)
        {
            lock (Gate)
            {
                if (!Loaded.TryGetValue(simpleName, out Assembly? assembly))
                {
                    assembly = load(path);
                    Loaded[simpleName] = assembly;
                }

                return assembly;
            }
        }

        private static Dictionary<string, string> ListFiles()
        {
            var files = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (Directory.Exists(FullPath))
            {
                foreach (string path in Directory.EnumerateFiles(FullPath, "*.dll", SearchOption.TopDirectoryOnly))
                {
                    files[Path.GetFileNameWithoutExtension(path)] = path;
                }
            }

            return files;
        }
    }
}
