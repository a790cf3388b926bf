using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace PinterestAds.Core.Analytics.Parsing
{
    /// <summary>
    /// The column names seen so far, so every row of a file shares one string per column instead of
    /// allocating its own: a report repeats a handful of names a million times.
    /// </summary>
    internal sealed class PropertyNames
    {
        /// <summary>Enough for any row shape Pinterest sends; past it names are simply not shared.</summary>
        private const int Capacity = 1024;

        private readonly List<KeyValuePair<byte[], string>> _known = new List<KeyValuePair<byte[], string>>();

        /// <summary>The name of the property <paramref name="reader"/> stands on.</summary>
        public string Read(ref Utf8JsonReader reader)
        {
            foreach (var known in _known)
            {
                if (reader.ValueTextEquals(known.Key))
                {
                    return known.Value;
                }
            }

            string name = reader.GetString()!;
            if (_known.Count < Capacity)
            {
                _known.Add(new KeyValuePair<byte[], string>(Encoding.UTF8.GetBytes(name), name));
            }

            return name;
        }
    }
}
