using System;
using System.Collections.Generic;
using Microsoft.Identity.Client.Extensions.Msal;

namespace PinterestAds.Core.Auth
{
    /// <summary>
    /// Raw bytes of the token cache. Implementations do no locking of their own: callers hold
    /// the cache lock (<see cref="TokenCache"/>) around every read-modify-write.
    /// </summary>
    internal interface ITokenStorage
    {
        TokenCacheKind Kind { get; }

        /// <summary>The cache file; null for the memory cache.</summary>
        string? FilePath { get; }

        /// <summary>The file that serializes processes using this cache.</summary>
        string LockPath { get; }

        byte[] Read();

        void Write(byte[] data);

        void Clear();
    }

    /// <summary>A cache in the OS key store or in a plaintext file, through MSAL Extensions' <see cref="Storage"/>.</summary>
    internal sealed class MsalTokenStorage : ITokenStorage
    {
        private readonly Storage _storage;

        public MsalTokenStorage(Storage storage, TokenCacheKind kind, string filePath)
        {
            _storage = storage;
            Kind = kind;
            FilePath = filePath;
            LockPath = filePath + ".lock";
        }

        public TokenCacheKind Kind { get; }

        public string? FilePath { get; }

        public string LockPath { get; }

        public byte[] Read() => _storage.ReadData() ?? Array.Empty<byte>();

        public void Write(byte[] data)
        {
            _storage.WriteData(data);
            if (Kind == TokenCacheKind.PlaintextFile && FilePath != null)
            {
                // Storage already creates the file 0600; make sure an older file is too.
                FilePermissions.TryRestrict(FilePath, FilePermissions.OwnerReadWrite);
            }
        }

        public void Clear() => _storage.Clear(ignoreExceptions: true);
    }

    /// <summary>
    /// The in-memory cache: one per process and lock path, so several contexts (runspaces) of one
    /// process still share rotated tokens. Nothing of it ever reaches a disk.
    /// </summary>
    internal sealed class MemoryTokenStorage : ITokenStorage
    {
        private static readonly object Gate = new object();
        private static readonly Dictionary<string, byte[]> Blobs = new Dictionary<string, byte[]>(StringComparer.Ordinal);

        public MemoryTokenStorage(string lockPath)
        {
            LockPath = lockPath;
        }

        public TokenCacheKind Kind => TokenCacheKind.Memory;

        public string? FilePath => null;

        public string LockPath { get; }

        public byte[] Read()
        {
            lock (Gate)
            {
                return Blobs.TryGetValue(LockPath, out var data) ? data : Array.Empty<byte>();
            }
        }

        public void Write(byte[] data)
        {
            lock (Gate)
            {
                Blobs[LockPath] = data;
            }
        }

        public void Clear()
        {
            lock (Gate)
            {
                Blobs.Remove(LockPath);
            }
        }
    }
}
