using System;
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
    }
}
