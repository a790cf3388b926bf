using System.Collections;
using System.Collections.Specialized;
using System.Linq;
using System.Management.Automation;

namespace PinterestAds.PowerShell.Binding
{
    /// <summary>PowerShell values as plain .NET data for Core: PSObject wrappers removed, custom objects as dictionaries.</summary>
    internal static class PlainData
    {
        public static object? Unwrap(object? value)
        {
            if (value is PSObject wrapped)
            {
                if (wrapped.BaseObject is PSCustomObject)
                {
                    var properties = new OrderedDictionary();
                    foreach (var property in wrapped.Properties)
                    {
                        properties[property.Name] = Unwrap(property.Value);
                    }

                    return properties;
                }

                value = wrapped.BaseObject;
            }

            switch (value)
            {
                case null:
                case string _:
                    return value;
                case IDictionary dictionary:
                    var copy = new OrderedDictionary();
                    var entries = dictionary.GetEnumerator();
                    while (entries.MoveNext())
                    {
                        copy[Unwrap(entries.Key)!] = Unwrap(entries.Value);
                    }

                    return copy;
                case IEnumerable list:
                    return list.Cast<object?>().Select(Unwrap).ToArray();
                default:
                    return value;
            }
        }
    }
}
