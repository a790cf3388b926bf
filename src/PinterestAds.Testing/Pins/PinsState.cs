using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;

namespace PinterestAds.Testing.Pins
{
    /// <summary>
    /// The default user's boards and pins, stored as the JSON the API returns (server fields
    /// included) in id order. One lock, like the ads state: creates are rare and small.
    /// </summary>
    internal sealed class PinsState
    {
        private const long FirstBoardId = 1_022_106_240_000_000_000 / 1000;
        private const long FirstPinId = 813_744_226_420_795_884;

        private long _lastBoardId = FirstBoardId;
        private long _lastPinId = FirstPinId;

        public object Sync { get; } = new object();

        /// <summary>Live boards; use under <see cref="Sync"/>.</summary>
        public SortedDictionary<long, JsonObject> Boards { get; } = new SortedDictionary<long, JsonObject>();

        /// <summary>Live pins; use under <see cref="Sync"/>.</summary>
        public SortedDictionary<long, JsonObject> Pins { get; } = new SortedDictionary<long, JsonObject>();

        public static long? ParseId(string? id) =>
            id != null && long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out long numeric) ? numeric : (long?)null;

        /// <summary>Caller holds <see cref="Sync"/>.</summary>
        public long NextBoardId() => ++_lastBoardId;

        /// <summary>Caller holds <see cref="Sync"/>.</summary>
        public long NextPinId() => ++_lastPinId;

        /// <summary>The live board or null; caller holds <see cref="Sync"/>.</summary>
        public JsonObject? FindBoard(string? id) => ParseId(id) is long key && Boards.TryGetValue(key, out var board) ? board : null;

        /// <summary>The live pin or null; caller holds <see cref="Sync"/>.</summary>
        public JsonObject? FindPin(string? id) => ParseId(id) is long key && Pins.TryGetValue(key, out var pin) ? pin : null;
    }
}
