using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Identity.Client.Extensions.Msal;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Auth
{
    /// <summary>
    /// Chooses where tokens live: the OS key store when it works (checked with
    /// <see cref="Storage.VerifyPersistence"/>), otherwise memory — or, only when the user named a
    /// folder, a plaintext file readable by its owner alone, with one warning.
    /// </summary>
    internal static class TokenCacheFactory
    {
        public const string EncryptedFileName = "pinterestads.tokencache";
        public const string PlaintextFileName = "pinterestads.tokencache.json";

        /// <summary>Where the encrypted cache lives when no folder is named.</summary>
        public static string DefaultFolder
        {
            get
            {
                string root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
                if (string.IsNullOrEmpty(root))
                {
                    root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
                }

                return Path.Combine(root, "PinterestAds");
            }
        }

        /// <summary>A per-user folder for the lock of memory caches (processes still serialize their refreshes).</summary>
        public static string MemoryLockPath
        {
            get
            {
                string user = Environment.UserName;
                string folder = Path.Combine(Path.GetTempPath(), "PinterestAds-" + TokenEntry.Hash(user).Substring(0, 12));
                return Path.Combine(folder, "memory-tokencache.lock");
            }
        }

        /// <param name="folder">-TokenCachePath / PINTEREST_ADS_TOKEN_CACHE; null when the user named none.</param>
        /// <param name="tryEncrypted">False skips the OS key store (tests).</param>
        public static ITokenStorage Open(string? folder, ICallObserver observer, bool tryEncrypted = true)
        {
            string? fullFolder = folder is null ? null : ValidateFolder(folder);
            if (tryEncrypted && TryOpenEncrypted(fullFolder ?? DefaultFolder, observer) is ITokenStorage encrypted)
            {
                observer.Verbose($"Tokens are cached encrypted by the operating system ({encrypted.FilePath}).");
                return encrypted;
            }

            if (fullFolder is null)
            {
                observer.Verbose(
                    "No operating-system key store is available (on Linux it needs libsecret and a D-Bus session), so tokens stay in memory " +
                    "for this process only. To keep them between runs, name a folder with -TokenCachePath or PINTEREST_ADS_TOKEN_CACHE; " +
                    "they are then stored unencrypted in a file only you can read.");
                var lockPath = MemoryLockPath;
                FilePermissions.EnsurePrivateDirectory(Path.GetDirectoryName(lockPath)!);
                return new MemoryTokenStorage(lockPath);
            }

            var plaintext = OpenPlaintext(fullFolder);
            observer.Warning(
                $"No operating-system key store is available, so tokens are stored UNENCRYPTED in {plaintext.FilePath} (readable only by you, mode 0600). " +
                "Anyone who can read that file as you can use your Pinterest sign-in; protect the folder, or remove -TokenCachePath / PINTEREST_ADS_TOKEN_CACHE to keep tokens in memory.");
            return plaintext;
        }

        /// <summary>The opted-in plaintext file: a second StorageCreationProperties, because WithUnprotectedFile excludes the key-store options.</summary>
        public static ITokenStorage OpenPlaintext(string folder)
        {
            FilePermissions.EnsurePrivateDirectory(folder);
            var properties = new StorageCreationPropertiesBuilder(PlaintextFileName, folder)
                .WithUnprotectedFile()
                .Build();
            var storage = Storage.Create(properties);
            string path = Path.Combine(folder, PlaintextFileName);
            if (File.Exists(path))
            {
                FilePermissions.TryRestrict(path, FilePermissions.OwnerReadWrite);
            }

            return new MsalTokenStorage(storage, TokenCacheKind.PlaintextFile, path);
        }

        private static ITokenStorage? TryOpenEncrypted(string folder, ICallObserver observer)
        {
            try
            {
                FilePermissions.EnsurePrivateDirectory(folder);
                var properties = new StorageCreationPropertiesBuilder(EncryptedFileName, folder)
                    .WithMacKeyChain("PinterestAds.TokenCache", TokenEntry.Hash(folder).Substring(0, 16))
                    .WithLinuxKeyring(
                        "com.pinterestads.tokencache",
                        "default",
                        "PinterestAds token cache",
                        new KeyValuePair<string, string>("Version", "1"),
                        new KeyValuePair<string, string>("CacheFolder", TokenEntry.Hash(folder).Substring(0, 16)))
                    .Build();
                var storage = Storage.Create(properties);
                storage.VerifyPersistence();
                return new MsalTokenStorage(storage, TokenCacheKind.Encrypted, Path.Combine(folder, EncryptedFileName));
            }
            catch (Exception ex)
            {
                // Any failure means "no usable key store": the fallback (memory) is always safe.
                observer.Verbose($"The operating-system key store is not usable: {Describe(ex)}");
                return null;
            }
        }

        private static string ValidateFolder(string folder)
        {
            string full;
            try
            {
                full = Path.GetFullPath(Environment.ExpandEnvironmentVariables(folder.Trim()));
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                throw PinterestAdsException.InvalidArgument("TokenCachePath", $"'{folder}' is not a valid folder path.", folder);
            }

            if (File.Exists(full))
            {
                throw PinterestAdsException.InvalidArgument("TokenCachePath", $"'{full}' is a file; name a folder (the cache file is created inside it).", folder);
            }

            return full;
        }

        private static string Describe(Exception ex)
        {
            var inner = ex.InnerException ?? ex;
            string message = inner is DllNotFoundException ? "libsecret-1.so.0 is not installed" : inner.Message.Split('\n')[0].Trim();
            return message;
        }
    }
}
