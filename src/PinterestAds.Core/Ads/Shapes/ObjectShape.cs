using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using PinterestAds.Core.Ads.Values;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Json;

namespace PinterestAds.Core.Ads.Shapes
{
    /// <summary>
    /// An object with known keys (matched case-insensitively, sent in the spec's spelling and in
    /// the order the shape lists them). A key
    /// the spec does not define is an error that names it and the nearest valid keys. A hashtable,
    /// any dictionary, or JSON text (as a CSV cell carries it) is accepted.
    /// </summary>
    public class ObjectShape : Shape
    {
        private readonly IReadOnlyList<KeyValuePair<string, Shape>> _properties;

        public ObjectShape(string name, params (string Key, Shape Shape)[] properties)
        {
            Name = name;
            _properties = properties.Select(p => new KeyValuePair<string, Shape>(p.Key, p.Shape)).ToArray();
        }

        /// <summary>The spec's name for the object, used in messages (e.g. targeting_spec).</summary>
        public string Name { get; }

        public IEnumerable<string> Keys => _properties.Select(p => p.Key);

        public override string Expectation => $"a hashtable with the {Name} keys {string.Join(", ", Keys)}";

        public override JsonNode? Convert(object? value, string parameter, string path)
        {
            var entries = ReadEntries(value, parameter, path);
            var result = new JsonObject();
            foreach (var entry in entries)
            {
                string key = entry.Key;
                var property = _properties.FirstOrDefault(p => string.Equals(p.Key, key.Trim(), StringComparison.OrdinalIgnoreCase));
                if (property.Value is null)
                {
                    throw PinterestAdsException.InvalidArgument(parameter, $"{Prefix(path)}{EnumValues.Unknown(key, Keys.ToArray(), $"a {Name} key")}", key);
                }

                if (result.ContainsKey(property.Key))
                {
                    throw Invalid(parameter, Join(path, property.Key), key, "the key is given twice");
                }

                if (entry.Value is null)
                {
                    continue;
                }

                result[property.Key] = property.Value.Convert(entry.Value, parameter, Join(path, property.Key));
            }

            // The spec's key order, not the input's: a hashtable's order changes from process to
            // process, and a re-run with the same -IdempotencyKey must send the same bytes.
            var ordered = new JsonObject();
            foreach (var key in Keys.Where(result.ContainsKey).ToArray())
            {
                var node = result[key];
                result.Remove(key);
                ordered[key] = node;
            }

            CheckRules(ordered, parameter, path);
            return ordered;
        }

        /// <summary>Rules across keys (pairs, exclusions); the default has none.</summary>
        protected virtual void CheckRules(JsonObject result, string parameter, string path)
        {
        }

        private static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

        private IEnumerable<KeyValuePair<string, object?>> ReadEntries(object? value, string parameter, string path)
        {
            if (value is string text && text.TrimStart().StartsWith("{", StringComparison.Ordinal))
            {
                try
                {
                    value = JsonPlain.Parse(text);
                }
                catch (JsonException ex)
                {
                    throw Invalid(parameter, path, text, "the text is not valid JSON: " + ex.Message);
                }
            }

            if (value is IDictionary dictionary)
            {
                var entries = new List<KeyValuePair<string, object?>>(dictionary.Count);
                var enumerator = dictionary.GetEnumerator();
                while (enumerator.MoveNext())
                {
                    entries.Add(new KeyValuePair<string, object?>(System.Convert.ToString(enumerator.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, enumerator.Value));
                }

                return entries;
            }

            if (value is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                return pairs;
            }

            throw Invalid(parameter, path, value);
        }
    }
}
