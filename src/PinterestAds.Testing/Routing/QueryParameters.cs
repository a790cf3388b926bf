using System.Collections.Generic;
using PinterestAds.Testing.Http;

namespace PinterestAds.Testing.Routing
{
    /// <summary>Parsed query (or form body) with the lookups handlers need.</summary>
    internal sealed class QueryParameters
    {
        private readonly Dictionary<string, List<string>> _values;

        public QueryParameters(string? raw)
        {
            _values = QueryString.Parse(raw);
        }

        public IReadOnlyDictionary<string, List<string>> Values => _values;

        public bool Has(string name) => _values.ContainsKey(name);

        public string? First(string name) => _values.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

        /// <summary>
        /// Array parameters arrive either repeated (<c>ids=1&amp;ids=2</c>) or comma-joined
        /// (<c>ids=1,2</c>); both are accepted and flattened.
        /// </summary>
        public List<string>? List(string name)
        {
            if (!_values.TryGetValue(name, out var values))
            {
                return null;
            }

            var result = new List<string>();
            foreach (string value in values)
            {
                foreach (string part in value.Split(','))
                {
                    string trimmed = part.Trim();
                    if (trimmed.Length > 0)
                    {
                        result.Add(trimmed);
                    }
                }
            }

            return result;
        }
    }
}
