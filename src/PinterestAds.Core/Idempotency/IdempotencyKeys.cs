using System;
using PinterestAds.Core.Coordination;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Idempotency
{
    /// <summary>Keys for the <c>Idempotency-Key</c> header: the caller's (-IdempotencyKey), or one generated per logical write.</summary>
    public static class IdempotencyKeys
    {
        public const int MaxLength = 255;

        /// <summary>A fresh key: a random UUID (what the IETF draft and Stripe recommend).</summary>
        public static string New() => Guid.NewGuid().ToString("D");

        /// <summary>
        /// Checks a caller's key: 1-255 printable ASCII characters, no leading or trailing space
        /// (it travels in an HTTP header and names a journal entry).
        /// </summary>
        public static string Validate(string? key, string parameterName = "IdempotencyKey")
        {
            if (string.IsNullOrEmpty(key))
            {
                throw PinterestAdsException.InvalidArgument(parameterName, "an idempotency key cannot be empty.", key);
            }

            if (key!.Length > MaxLength)
            {
                throw PinterestAdsException.InvalidArgument(parameterName, $"an idempotency key has at most {MaxLength} characters; this one has {key.Length}.", key);
            }

            foreach (char c in key)
            {
                if (c < 0x20 || c > 0x7E)
                {
                    throw PinterestAdsException.InvalidArgument(parameterName, "an idempotency key may contain only printable ASCII characters (letters, digits, punctuation), for example a GUID or 'runbook-42-step-3'.", key);
                }
            }

            if (key.Trim().Length != key.Length)
            {
                throw PinterestAdsException.InvalidArgument(parameterName, "an idempotency key cannot start or end with a space.", key);
            }

            return key;
        }

        /// <summary>
        /// The name a caller's key is journaled under: a digest of the API base URI, the app's
        /// client id and the key. The same key against the sandbox and production, against two
        /// fake servers, or for two apps names different writes, and must never replay the other's
        /// result; the same key against the same API and app still does. Messages keep showing
        /// the caller's key.
        /// </summary>
        public static string JournalKey(Uri apiBaseUri, string clientId, string key) =>
            // A key is printable ASCII and an absolute URI holds no raw control characters, so the
            // first and the last newline delimit the three parts unambiguously.
            StatePaths.Digest(apiBaseUri.AbsoluteUri + "\n" + clientId + "\n" + key);

        /// <summary>The name an entity's claim is journaled under: scoped like <see cref="JournalKey"/>, apart from keys.</summary>
        public static string EntityKey(Uri apiBaseUri, string clientId, string entityId) =>
            StatePaths.Digest(apiBaseUri.AbsoluteUri + "\n" + clientId + "\nentity " + entityId);
    }
}
