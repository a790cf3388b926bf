using System;
using System.IO;
using System.Threading;

namespace PinterestAds.Core.Idempotency
{
    /// <summary>Deletes the file journal's entries older than the retention, now and then (every 32nd call), not on every claim.</summary>
    internal sealed class RetentionPruner
    {
        private readonly TimeSpan _retention;
        private readonly TimeProvider _time;
        private readonly (string Directory, string Pattern)[] _folders;
        private int _calls;

        public RetentionPruner(TimeSpan retention, TimeProvider time, params (string Directory, string Pattern)[] folders)
        {
            _retention = retention;
            _time = time;
            _folders = folders;
        }

        public void PruneNowAndThen()
        {
            if (Interlocked.Increment(ref _calls) % 32 != 1)
            {
                return;
            }

            var cutoff = _time.GetUtcNow().UtcDateTime - _retention;
            foreach (var (directory, pattern) in _folders)
            {
                Prune(directory, pattern, cutoff);
            }
        }

        private static void Prune(string directory, string pattern, DateTime cutoff)
        {
            if (!Directory.Exists(directory))
            {
                return;
            }

            try
            {
                foreach (var path in Directory.EnumerateFiles(directory, pattern))
                {
                    try
                    {
                        if (File.GetLastWriteTimeUtc(path) < cutoff)
                        {
                            File.Delete(path);
                        }
                    }
                    catch (IOException)
                    {
                    }
                    catch (UnauthorizedAccessException)
                    {
                    }
                }
            }
            catch (IOException)
            {
            }
        }
    }
}
