using System;
using System.Collections.Generic;
using System.IO;

namespace PinterestAds.Core.Idempotency
{
    /// <summary>Which key made which entity, for the file journal: one small file per entity, holding the key.</summary>
    internal sealed class MadeEntitiesFolder
    {
        public MadeEntitiesFolder(string directory)
        {
            Directory = directory;
        }

        public string Directory { get; }

        public void Write(IEnumerable<string> entityKeys, string key)
        {
            System.IO.Directory.CreateDirectory(Directory);
            foreach (string entity in entityKeys)
            {
                // Only the write that made an entity claims it, so there is no one to race with.
                File.WriteAllText(Path.Combine(Directory, entity), key);
            }
        }

        public IReadOnlyDictionary<string, string> Read(IEnumerable<string> entityKeys)
        {
            var found = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string entity in entityKeys)
            {
                string path = Path.Combine(Directory, entity);
                if (File.Exists(path))
                {
                    found[entity] = File.ReadAllText(path);
                }
            }

            return found;
        }
    }
}
