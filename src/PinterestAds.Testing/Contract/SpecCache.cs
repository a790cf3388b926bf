using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace PinterestAds.Testing.Contract
{
    /// <summary>
    /// Loaded specs by full path: Pinterest's spec takes a noticeable time to parse and every test and Pester run
    /// validates against the same file. An entry is reused while the file's timestamp and length are unchanged.
    /// </summary>
    internal static class SpecCache
    {
        private static readonly ConcurrentDictionary<string, Entry> Entries = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);

        /// <summary>The cached contract for <paramref name="fullPath"/>, loaded by <paramref name="load"/> at most once per file version.</summary>
        public static OpenApiContract GetOrLoad(string fullPath, Func<string, OpenApiContract> load)
        {
            DateTime stamp = File.GetLastWriteTimeUtc(fullPath);
            long length = new FileInfo(fullPath).Length;

            Entry entry = Entries.AddOrUpdate(
                fullPath,
                _ => new Entry(fullPath, stamp, length, load),
                (_, existing) => existing.Stamp == stamp && existing.Length == length ? existing : new Entry(fullPath, stamp, length, load));
            try
            {
                return entry.Contract.Value;
            }
            catch
            {
                // A failed load is not cached (Lazy would rethrow it forever): the next call reads the file again.
                ((ICollection<KeyValuePair<string, Entry>>)Entries).Remove(new KeyValuePair<string, Entry>(fullPath, entry));
                throw;
            }
        }

        private sealed class Entry
        {
            public Entry(string path, DateTime stamp, long length, Func<string, OpenApiContract> load)
            {
                Stamp = stamp;
                Length = length;
                // Concurrent first callers share one parse.
                Contract = new Lazy<OpenApiContract>(() => load(path), LazyThreadSafetyMode.ExecutionAndPublication);
            }

            public DateTime Stamp { get; }

            public long Length { get; }

            public Lazy<OpenApiContract> Contract { get; }
        }
    }
}
