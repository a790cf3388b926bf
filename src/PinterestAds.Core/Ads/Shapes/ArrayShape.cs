using System.Collections;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;

namespace PinterestAds.Core.Ads.Shapes
{
    /// <summary>An array of one item shape; a single value is taken as a one-item array.</summary>
    public sealed class ArrayShape : Shape
    {
        public ArrayShape(Shape item, int maxItems = int.MaxValue)
        {
            Item = item;
            MaxItems = maxItems;
        }

        public Shape Item { get; }

        public int MaxItems { get; }

        public override string Expectation => "a list of " + Item.Expectation;

        public override JsonNode? Convert(object? value, string parameter, string path)
        {
            var items = IsList(value) ? ((IEnumerable)value!).Cast<object?>().ToArray() : new[] { value };
            if (items.Length > MaxItems)
            {
                throw Invalid(parameter, path, items.Length, string.Format(CultureInfo.InvariantCulture, "at most {0} values are allowed", MaxItems));
            }

            var array = new JsonArray();
            for (int i = 0; i < items.Length; i++)
            {
                array.Add(Item.Convert(items[i], parameter, string.Format(CultureInfo.InvariantCulture, "{0}[{1}]", path, i)));
            }

            return array;
        }
    }
}
