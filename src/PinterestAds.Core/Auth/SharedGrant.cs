using System;
using System.Threading;
using System.Threading.Tasks;
using PinterestAds.Core.Diagnostics;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Auth
{
    /// <summary>
    /// The steps of a sign-in that involve the pair shared with other machines
    /// (<see cref="TokenCache.SharedTokens"/>, Redis when configured). Each machine keeps its own
    /// token cache; inside the cross-machine lock it first takes a newer shared pair into that cache
    /// (another machine renewed, so the refresh token this machine holds is dead), and it writes
    /// every pair it obtains back to the shared store before the lock is released.
    /// </summary>
    internal static class SharedGrant
    {
        /// <summary>The message that says a shared pair was taken (tests look for "shared through Redis").</summary>
        internal const string TookSharedPair = "Another machine renewed this sign-in already; using the token pair it shared through Redis.";

        /// <summary>The shared pair of <paramref name="held"/>'s lineage; null without a shared store or a lineage.</summary>
        public static async Task<SharedTokenSnapshot?> ReadAsync(ISharedTokenStore? store, TokenEntry held, ICallObserver observer, CancellationToken cancellationToken)
        {
            if (store is null || held.Lineage.Count == 0)
            {
                return null;
            }

            return await store.ReadAsync(held.Lineage[0], observer, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// True when <paramref name="shared"/> should replace <paramref name="local"/>: it descends
        /// from the local refresh token (another machine rotated it), or, when lineage cannot tell,
        /// its generation is newer.
        /// </summary>
        public static bool IsNewer(TokenEntry shared, TokenEntry? local)
        {
            if (shared.RefreshToken is null)
            {
                return false;
            }

            if (local?.RefreshToken is null)
            {
                return true;
            }

            if (!string.Equals(shared.RefreshToken, local.RefreshToken, StringComparison.Ordinal))
            {
                if (shared.DescendsFrom(TokenEntry.Hash(local.RefreshToken)))
                {
                    return true;
                }

                if (local.DescendsFrom(TokenEntry.Hash(shared.RefreshToken)))
                {
                    return false;
                }
            }

            return shared.SharedGeneration > local.SharedGeneration;
        }

        /// <summary>True when <paramref name="local"/> is a rotated successor of <paramref name="shared"/> (an earlier write to the store failed).</summary>
        public static bool IsBehind(TokenEntry shared, TokenEntry local) =>
            shared.RefreshToken != null && local.RefreshToken != null
            && !string.Equals(shared.RefreshToken, local.RefreshToken, StringComparison.Ordinal)
            && local.DescendsFrom(TokenEntry.Hash(shared.RefreshToken));

        /// <summary>
        /// The shared pair as this machine caches it: under the local grant id (so this machine's
        /// contexts keep finding it), with the lineage of both.
        /// </summary>
        public static TokenEntry Adopt(TokenEntry shared, TokenEntry? local, DateTimeOffset now)
        {
            var adopted = shared.Clone();
            if (local != null)
            {
                adopted.GrantId = local.GrantId;
                foreach (var hash in local.Lineage)
                {
                    if (!adopted.DescendsFrom(hash))
                    {
                        adopted.Lineage.Add(hash);
                    }
                }

                while (adopted.Lineage.Count > TokenEntry.MaxLineage)
                {
                    adopted.Lineage.RemoveAt(1);
                }
            }

            adopted.UpdatedAt = now.ToUnixTimeSeconds();
            return adopted;
        }

        /// <summary>
        /// Writes <paramref name="entry"/> to the shared store over <paramref name="expectedGeneration"/>
        /// and records the new generation in it. Call it inside the lock, before the local cache is
        /// written. A pair that was just issued is the newest there is, so a version conflict (the
        /// lock's lease ran out while this machine refreshed) is resolved by writing over the
        /// generation found. Redis unreachable at this point is a warning, not an error: the
        /// refresh token is already spent, and the new pair must still reach the local cache.
        /// </summary>
        public static async Task PublishAsync(ISharedTokenStore? store, TokenEntry entry, long expectedGeneration, ICallObserver observer, CancellationToken cancellationToken)
        {
            if (store is null || entry.RefreshToken is null || entry.Lineage.Count == 0)
            {
                return;
            }

            try
            {
                var write = await store.PublishAsync(entry, expectedGeneration, observer, cancellationToken).ConfigureAwait(false);
                if (!write.Written && write.Generation != expectedGeneration)
                {
                    observer.Verbose($"The shared token pair in {store.Description} changed while this machine renewed it (generation {write.Generation}, expected {expectedGeneration}); storing the pair just issued over it.");
                    write = await store.PublishAsync(entry, write.Generation, observer, cancellationToken).ConfigureAwait(false);
                }

                if (write.Written)
                {
                    entry.SharedGeneration = write.Generation;
                    observer.Verbose($"Stored the token pair in {store.Description} for the other machines of this sign-in (generation {write.Generation}).");
                }
            }
            catch (PinterestAdsException ex) when (ex.Kind == FailureKind.Connection)
            {
                observer.Warning(
                    $"The renewed Pinterest token pair could not be stored in {store.Description}: Redis could not be reached. " +
                    "It is kept in this machine's token cache and stored in Redis at this machine's next renewal; until then other machines of this sign-in cannot renew.");
            }
        }
    }
}
