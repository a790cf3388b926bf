using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PinterestAds.Core.Coordination;

namespace PinterestAds.Core.Ads.Batching
{
    /// <summary>
    /// The Idempotency-Key of one batch request, stable when the caller gave keys so that a re-run
    /// with the same keys and the same input sends the same keys again:
    /// one caller key for the whole pipeline → that key for the first batch, "key-2", "key-3" after;
    /// a key per item → a hash of the batch's keys (the item's own key for a batch of one);
    /// no keys (or only some) → none: the write coordinator generates one for the request and
    /// journals nothing, since no re-run could ever send that key again.
    /// </summary>
    internal static class BatchKeys
    {
        public static string? For(IReadOnlyList<WriteItem> items, int batchNumber)
        {
            var keys = items.Select(i => i.IdempotencyKey).ToArray();
            if (keys.Any(k => k is null))
            {
                return null;
            }

            var distinct = keys.Distinct(StringComparer.Ordinal).ToArray();
            if (distinct.Length == 1)
            {
                return batchNumber == 1 ? distinct[0]! : distinct[0] + "-" + batchNumber.ToString(CultureInfo.InvariantCulture);
            }

            return "batch-" + StatePaths.Digest(string.Join("\n", keys));
        }
    }
}
