using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using PinterestAds.Core.Ads.Values;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Pins
{
    /// <summary>
    /// One carousel slide (-Slide) or Idea Pin page (-Page), read from a hashtable or an object
    /// with those properties: keys match case-insensitively, blank values count as not given, and a
    /// key the item cannot have is an error naming it (a typo never drops a field silently).
    /// </summary>
    internal sealed class PinItem
    {
        public const string ImageUrlKey = "ImageUrl";
        public const string ImagePathKey = "ImagePath";
        public const string VideoPathKey = "VideoPath";
        public const string MediaIdKey = "MediaId";
        public const string TitleKey = "Title";
        public const string DescriptionKey = "Description";
        public const string LinkKey = "Link";

        public static readonly string[] SlideKeys = { ImageUrlKey, ImagePathKey, TitleKey, DescriptionKey, LinkKey };
        public static readonly string[] PageKeys = { ImageUrlKey, ImagePathKey, VideoPathKey, MediaIdKey, TitleKey, DescriptionKey, LinkKey };

        private readonly Dictionary<string, string> _values;

        private PinItem(string parameter, string label, Dictionary<string, string> values)
        {
            Parameter = parameter;
            Label = label;
            _values = values;
        }

        /// <summary>The parameter the item came in (Slide or Page).</summary>
        public string Parameter { get; }

        /// <summary>"slide 2", "page 1": where in the parameter, for messages.</summary>
        public string Label { get; }

        public string? ImageUrl => Value(ImageUrlKey);

        public string? ImagePath => Value(ImagePathKey);

        public string? VideoPath => Value(VideoPathKey);

        public string? MediaId => Value(MediaIdKey);

        public string? Title => Value(TitleKey);

        public string? Description => Value(DescriptionKey);

        public string? Link => Value(LinkKey);

        public bool IsImage => ImageUrl != null || ImagePath != null;

        public bool IsVideo => VideoPath != null || MediaId != null;

        /// <summary>Reads every item of <paramref name="parameter"/>, numbering them from 1 as "<paramref name="noun"/> N".</summary>
        public static PinItem[] ReadAll(string parameter, string noun, IReadOnlyList<object?> items, IReadOnlyList<string> keys) =>
            items.Select((item, i) => Read(parameter, noun + " " + (i + 1).ToString(CultureInfo.InvariantCulture), item, keys)).ToArray();

        /// <summary>An error about this item, naming the parameter and the item.</summary>
        public PinterestAdsException Invalid(string rule) => PinterestAdsException.InvalidArgument(Parameter, Label + ": " + rule, Label);

        private static PinItem Read(string parameter, string label, object? item, IReadOnlyList<string> keys)
        {
            if (!(item is IDictionary dictionary))
            {
                throw PinterestAdsException.InvalidArgument(parameter, $"{label}: give a hashtable such as @{{ {keys[0]} = '…'; {TitleKey} = '…' }} (keys {string.Join(", ", keys)}), not '{item}'.", item);
            }

            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in dictionary)
            {
                string key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture)?.Trim() ?? string.Empty;
                string? known = keys.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
                if (known is null)
                {
                    throw PinterestAdsException.InvalidArgument(parameter, $"{label}: {EnumValues.Unknown(key, keys, "a key of a " + label.Split(' ')[0])}", key);
                }

                string? value = Convert.ToString(entry.Value, CultureInfo.InvariantCulture);
                if (!string.IsNullOrWhiteSpace(value))
                {
                    values[known] = value!;
                }
            }

            return new PinItem(parameter, label, values);
        }

        private string? Value(string key) => _values.TryGetValue(key, out var value) ? value : null;
    }
}
