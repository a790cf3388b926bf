using System;
using System.IO;
using System.Runtime.InteropServices;

namespace PinterestAds.Core.Auth
{
    /// <summary>Owner-only permissions for the cache folder and file (netstandard2.0 has no File.SetUnixFileMode).</summary>
    internal static class FilePermissions
    {
        public const int OwnerReadWrite = 0x180; // 0600
        public const int OwnerAll = 0x1C0;       // 0700

        public static bool IsUnix => !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);

        /// <summary>Creates <paramref name="path"/> (and parents); a folder this call creates is made owner-only.</summary>
        public static void EnsurePrivateDirectory(string path)
        {
            if (Directory.Exists(path))
            {
                return;
            }

            Directory.CreateDirectory(path);
            TryRestrict(path, OwnerAll);
        }

        public static void TryRestrict(string path, int mode)
        {
            if (!IsUnix)
            {
                return;
            }

            try
            {
                _ = chmod(path, mode);
            }
            catch (DllNotFoundException)
            {
            }
            catch (EntryPointNotFoundException)
            {
            }
        }

        [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        private static extern int chmod(string path, int mode);
    }
}
