using System.Collections.Generic;

namespace PinterestAds.Core.Analytics.Parsing
{
    /// <summary>One row as Pinterest sent it: its columns by name, and the key of the group it came in (an async report's entity id or date).</summary>
    internal sealed class RawRow
    {
        public RawRow(string? group, Dictionary<string, object?> values)
        {
            Group = group;
            Values = values;
        }

        /// <summary>The property the row's array stood under in an async report (<c>{"&lt;id&gt;": [rows]}</c>); null in a bare array.</summary>
        public string? Group { get; }

        /// <summary>Strings, longs, decimals (doubles beyond decimal's range), booleans or null, by column name.</summary>
        public Dictionary<string, object?> Values { get; }
    }
}
