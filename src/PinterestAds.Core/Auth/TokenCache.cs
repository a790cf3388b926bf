using System;
using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Identity.Client.Extensions.Msal;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Auth
{
    /// <summary>
    /// The token cache with its lock. Every read-modify-write happens inside <see cref="LockAsync"/>:
    /// an in-process semaphore (CrossPlatLock is not thread-safe), then <see cref="CrossPlatLock"/>
    /// on a lock file (processes on this machine), then the optional cross-machine coordinator.
    /// </summary>
    internal sealed class TokenCache
    {
        private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new ConcurrentDictionary<string, SemaphoreSlim>(StringComparer.Ordinal);

        private readonly ITokenStorage _storage;
        private readonly IRefreshCoordinator? _coordinator;

        public TokenCache(ITokenStorage storage, IRefreshCoordinator? coordinator = null, ISharedTokenStore? sharedTokens = null)
        {
            _storage = storage;
            _coordinator = coordinator;
            SharedTokens = sharedTokens;
        }

        /// <summary>
        /// The token pairs shared with other machines (Redis when configured), or null. Use it only
        /// inside <see cref="LockAsync"/>, whose cross-machine layer makes read-refresh-write safe.
        /// </summary>
        internal ISharedTokenStore? SharedTokens { get; }

        public TokenCacheKind Kind => _storage.Kind;

        public string? FilePath => _storage.FilePath;

        /// <summary>How long to wait for another process that holds the lock (CrossPlatLock polls every 100 ms).</summary>
        public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>Takes all lock layers for <paramref name="grantKey"/>; dispose to release them in reverse order.</summary>
        public async Task<IDisposable> LockAsync(string grantKey, CancellationToken cancellationToken)
        {
            var gate = Gates.GetOrAdd(_storage.LockPath, _ => new SemaphoreSlim(1, 1));
            if (!await gate.WaitAsync(LockTimeout, cancellationToken).ConfigureAwait(false))
            {
                throw LockTimedOut(null);
            }

            CrossPlatLock? fileLock = null;
            IDisposable? coordinated = null;
            try
            {
                int retries = Math.Max(1, (int)(LockTimeout.TotalMilliseconds / 100));
                try
                {
                    fileLock = new CrossPlatLock(_storage.LockPath, 100, retries);
                }
                catch (InvalidOperationException ex)
                {
                    throw LockTimedOut(ex);
                }

                if (_coordinator != null)
                {
                    coordinated = await _coordinator.AcquireAsync(grantKey, LockTimeout, cancellationToken).ConfigureAwait(false);
                }

                return new Releaser(gate, fileLock, coordinated);
            }
            catch
            {
                coordinated?.Dispose();
                fileLock?.Dispose();
                gate.Release();
                throw;
            }
        }

        /// <summary>Reads the cache; a missing, empty or unreadable cache reads as empty (never a crash).</summary>
        public TokenCacheDocument Read(ICallObserver observer)
        {
            byte[] data;
            try
            {
                data = _storage.Read();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                observer.Warning($"The token cache could not be read ({ex.GetType().Name}); signing in afresh.");
                return new TokenCacheDocument();
            }

            if (data.Length == 0)
            {
                return new TokenCacheDocument();
            }

            TokenCacheDocument document;
            try
            {
                document = JsonSerializer.Deserialize<TokenCacheDocument>(data) ?? new TokenCacheDocument();
            }
            catch (JsonException)
            {
                observer.Warning("The token cache was not valid JSON and is treated as empty; it is rewritten at the next sign-in or refresh.");
                return new TokenCacheDocument();
            }

            // Tokens enter this process here too (stored by an earlier run or another process).
            foreach (var entry in document.Grants)
            {
                entry.RegisterSecrets();
            }

            return document;
        }

        public void Write(TokenCacheDocument document)
        {
            byte[] data = JsonSerializer.SerializeToUtf8Bytes(document);
            try
            {
                _storage.Write(data);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new PinterestAdsException(
                    "tokenCacheWriteFailed",
                    FailureKind.InvalidResult,
                    $"The token cache{(FilePath is null ? string.Empty : " " + FilePath)} could not be written: {ex.GetBaseException().Message}",
                    "Check that the token cache folder exists and is writable by you (-TokenCachePath / PINTEREST_ADS_TOKEN_CACHE).",
                    ex);
            }
        }

        /// <summary>
        /// Drops stale grants, puts <paramref name="entry"/> and writes the document. Call it inside
        /// <see cref="LockAsync"/>, on the document read there, so no other writer's grant is lost.
        /// </summary>
        public void Store(TokenCacheDocument document, TokenEntry entry, DateTimeOffset now)
        {
            document.Prune(now);
            document.Put(entry);
            Write(document);
        }

        /// <summary>Deletes the whole cache (the file or the key-store entry).</summary>
        public void Clear() => _storage.Clear();

        private PinterestAdsException LockTimedOut(Exception? inner) => new PinterestAdsException(
            "tokenCacheLockTimeout",
            FailureKind.OperationTimeout,
            $"Another process held the token cache lock ({_storage.LockPath}) for more than {LockTimeout.TotalSeconds:0} s.",
            "Run the command again; if it keeps happening, look for a hung PowerShell process that uses the same token cache.",
            inner);

        private sealed class Releaser : IDisposable
        {
            private SemaphoreSlim? _gate;
            private readonly CrossPlatLock _fileLock;
            private readonly IDisposable? _coordinated;

            public Releaser(SemaphoreSlim gate, CrossPlatLock fileLock, IDisposable? coordinated)
            {
                _gate = gate;
                _fileLock = fileLock;
                _coordinated = coordinated;
            }

            public void Dispose()
            {
                var gate = Interlocked.Exchange(ref _gate, null);
                if (gate is null)
                {
                    return;
                }

                try
                {
                    _coordinated?.Dispose();
                }
                finally
                {
                    _fileLock.Dispose();
                    gate.Release();
                }
            }
        }
    }
}
