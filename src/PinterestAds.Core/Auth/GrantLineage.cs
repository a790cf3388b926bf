using System.Collections.Generic;

namespace PinterestAds.Core.Auth
{
    /// <summary>
    /// How a grant is recognised across runs. A runbook starts every run from the refresh token it
    /// was given, but Pinterest rotates refresh tokens, so after the first run that token is spent.
    /// Each cached grant therefore keeps its lineage (hashes of every refresh token it descends
    /// from), and a run holding any ancestor finds the live successor instead of spending a dead token.
    /// </summary>
    internal static class GrantLineage
    {
        /// <summary>
        /// A grant known only by the refresh token the caller supplied. Its lineage is rooted at that
        /// token, so its <see cref="TokenEntry.GrantKey"/> is the lock key every later run from the
        /// same token takes as well.
        /// </summary>
        public static TokenEntry Root(string clientId, string apiBaseUri, string refreshToken)
        {
            var entry = new TokenEntry { ClientId = clientId, ApiBaseUri = apiBaseUri, RefreshToken = refreshToken };
            entry.AddToLineage(refreshToken);
            return entry;
        }

        /// <summary>
        /// Completes the pair the token endpoint just <paramref name="issued"/> for <paramref name="basis"/>:
        /// same grant, same lineage, plus the rotated refresh token.
        /// </summary>
        public static TokenEntry Successor(TokenEntry basis, TokenEntry issued)
        {
            issued.GrantId = basis.GrantId;
            issued.ClientId = basis.ClientId;
            issued.ApiBaseUri = basis.ApiBaseUri;
            issued.Lineage = new List<string>(basis.Lineage);
            if (issued.RefreshToken is null)
            {
                // Pinterest always rotates; keep the old one if a deployment does not.
                issued.RefreshToken = basis.RefreshToken;
                issued.RefreshTokenIssuedAt = basis.RefreshTokenIssuedAt;
                issued.RefreshTokenExpiresAt = basis.RefreshTokenExpiresAt;
            }
            else
            {
                issued.AddToLineage(issued.RefreshToken);
            }

            issued.Scope ??= basis.Scope;
            return issued;
        }

        /// <summary>
        /// The cached version of <paramref name="held"/>: by id, or else the newest grant descending
        /// from its refresh token (a process that started from the same token stored it under another id).
        /// </summary>
        public static TokenEntry? FindStored(TokenCacheDocument document, TokenEntry held)
        {
            var stored = document.Find(held.GrantId);
            if (stored is null && held.RefreshToken != null)
            {
                stored = document.FindDescendant(held.ClientId, held.ApiBaseUri, held.RefreshToken);
            }

            return stored;
        }

        /// <summary>Removes <paramref name="grant"/> and every other cached grant descending from its refresh token; true when anything was removed.</summary>
        public static bool RemoveWithDescendants(TokenCacheDocument document, TokenEntry grant)
        {
            bool removed = document.Remove(grant.GrantId);
            if (grant.RefreshToken != null)
            {
                while (document.FindDescendant(grant.ClientId, grant.ApiBaseUri, grant.RefreshToken) is TokenEntry other)
                {
                    removed |= document.Remove(other.GrantId);
                }
            }

            return removed;
        }

        /// <summary>Only a grant that has a lineage was ever written to the cache (an access token alone never is).</summary>
        public static bool WasPersisted(TokenEntry entry) => entry.Lineage.Count > 0;
    }
}
