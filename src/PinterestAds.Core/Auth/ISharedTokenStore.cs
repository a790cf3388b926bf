using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;

namespace PinterestAds.Core.Auth
{
    /// <summary>
    /// The token pair of a sign-in shared by every machine that uses it (Redis when configured).
    /// Local token caches are per machine; Pinterest rotates the refresh token on every refresh
    /// and the old one dies, so a machine must see the pair another machine refreshed before it
    /// spends its own copy. Every call is made inside the refresh lock (which includes the
    /// cross-machine lock), so the store only needs a version check as a backstop.
    /// </summary>
    internal interface ISharedTokenStore
    {
        /// <summary>Where the pairs are kept, for messages (no credentials).</summary>
        string Description { get; }

        /// <summary>The pair of the sign-in whose lineage starts with <paramref name="lineageRoot"/> (a refresh-token hash).</summary>
        Task<SharedTokenSnapshot> ReadAsync(string lineageRoot, ICallObserver observer, CancellationToken cancellationToken);

        /// <summary>The newest pair descending from <paramref name="refreshToken"/> (itself, or a rotated successor), if any.</summary>
        Task<SharedTokenSnapshot> FindDescendantAsync(string refreshToken, ICallObserver observer, CancellationToken cancellationToken);

        /// <summary>Writes <paramref name="entry"/> as generation <paramref name="expectedGeneration"/> + 1 if the store is still at <paramref name="expectedGeneration"/>.</summary>
        Task<SharedTokenWrite> PublishAsync(TokenEntry entry, long expectedGeneration, ICallObserver observer, CancellationToken cancellationToken);

        /// <summary>Deletes the shared pair of <paramref name="entry"/>'s lineage (Disconnect).</summary>
        Task ForgetAsync(TokenEntry entry, ICallObserver observer, CancellationToken cancellationToken);
    }

    /// <summary>What the shared store holds for one lineage.</summary>
    internal sealed class SharedTokenSnapshot
    {
        public static readonly SharedTokenSnapshot Absent = new SharedTokenSnapshot(null, 0, exists: false);

        public SharedTokenSnapshot(TokenEntry? entry, long generation, bool exists)
        {
            Entry = entry;
            Generation = generation;
            Exists = exists;
        }

        /// <summary>The pair; null when absent, or present but unreadable (another secret, altered).</summary>
        public TokenEntry? Entry { get; }

        /// <summary>The stored generation (0 when absent): a write must name it to succeed.</summary>
        public long Generation { get; }

        /// <summary>True when the key exists, readable or not.</summary>
        public bool Exists { get; }
    }

    /// <summary>The outcome of a version-checked write.</summary>
    internal readonly struct SharedTokenWrite
    {
        public SharedTokenWrite(bool written, long generation)
        {
            Written = written;
            Generation = generation;
        }

        /// <summary>
        /// False when another writer changed the generation first (<see cref="Generation"/> then
        /// differs from the expected one), or when nothing was worth writing (it equals it: no
        /// refresh token, or one that has expired).
        /// </summary>
        public bool Written { get; }

        /// <summary>The new generation when written; otherwise the one found in the store.</summary>
        public long Generation { get; }
    }
}
