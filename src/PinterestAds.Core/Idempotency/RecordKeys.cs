using System;
using System.Collections.Generic;
using System.Globalization;

namespace PinterestAds.Core.Idempotency
{
    /// <summary>
    /// The Idempotency-Key of each record of a pipeline that writes one entity per record (pins,
    /// boards): a key given once on the command line names the whole pipeline, so its records get
    /// "key", "key-2", "key-3"…, the same again on a re-run with the same input; a key per record
    /// (a CSV column) stays as it is. Used by one pipeline, on one thread.
    /// </summary>
    public sealed class RecordKeys
    {
        private readonly Dictionary<string, int> _seen = new Dictionary<string, int>(StringComparer.Ordinal);

        /// <returns>Null when the record has no key (one is then generated per request, and nothing journaled).</returns>
        public string? For(string? key)
        {
            if (key is null)
            {
                return null;
            }

            int count = _seen.TryGetValue(key, out int seen) ? seen + 1 : 1;
            _seen[key] = count;
            return count == 1 ? key : key + "-" + count.ToString(CultureInfo.InvariantCulture);
        }
    }
}
