using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace PinterestAds.PowerShell.Infrastructure
{
    /// <summary>
    /// Finds native libraries for P/Invokes made from the private load context, in
    /// dependencies/runtimes/&lt;rid&gt;/native, where the build copies each package's native assets.
    /// </summary>
    internal static class NativeLibraryProbe
    {
        /// <summary>A ResolvingUnmanagedDll handler: the library's handle, or zero to let the runtime go on probing.</summary>
        public static IntPtr Resolve(Assembly requestingAssembly, string libraryName)
        {
            string folder = Path.Combine(DependencyFolder.FullPath, "runtimes", RuntimeIdentifier(), "native");
            if (!Directory.Exists(folder))
            {
                return IntPtr.Zero;
            }

            foreach (string fileName in FileNames(libraryName))
            {
                string path = Path.Combine(folder, fileName);
                if (File.Exists(path))
                {
                    return DependencyLoadContext.LoadNativeLibrary(path);
                }
            }

            return IntPtr.Zero;
        }

        private static string RuntimeIdentifier()
        {
            string os = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "win"
                : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? "osx"
                : "linux";
            string arch = RuntimeInformation.ProcessArchitecture switch
            {
                Architecture.X86 => "x86",
                Architecture.Arm => "arm",
                Architecture.Arm64 => "arm64",
                _ => "x64",
            };
            return os + "-" + arch;
        }

        /// <summary>The name as given, then with the platform's extension, then with the "lib" prefix Unix libraries carry.</summary>
        private static IEnumerable<string> FileNames(string libraryName)
        {
            yield return libraryName;
            if (Path.HasExtension(libraryName))
            {
                yield break;
            }

            string extension = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? ".dll"
                : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? ".dylib"
                : ".so";
            yield return libraryName + extension;
            if (extension != ".dll" && !libraryName.StartsWith("lib", StringComparison.Ordinal))
            {
                yield return "lib" + libraryName + extension;
            }
        }
    }
}
