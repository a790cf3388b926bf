using System;
using System.Collections;
using System.Globalization;
using System.Text.Json.Nodes;
using PinterestAds.Core.Errors;
using PinterestAds.Core.Json;

namespace PinterestAds.Core.Ads.Shapes
{
    /// <summary>
    /// A small, checked description of a JSON value the spec defines (targeting_spec, tracking_urls,
    /// optimization_goal_metadata). Converting a user's hashtable through a shape checks keys and
    /// values and yields the exact JSON to send; an error names the parameter and the key path.
    /// </summary>
    public abstract class Shape
    {
        /// <summary>Checks <paramref name="value"/> and returns its JSON; <paramref name="path"/> locates it in messages.</summary>
        public abstract JsonNode? Convert(object? value, string parameter, string path);

        /// <summary>What a value of this shape looks like, for messages ("one of: male, female").</summary>
        public abstract string Expectation { get; }

        protected static string Prefix(string path) => path.Length == 0 ? string.Empty : path + ": ";

        protected PinterestAdsException Invalid(string parameter, string path, object? value, string? rule = null)
        {
            return PinterestAdsException.InvalidArgument(parameter, $"{Prefix(path)}{JsonPlain.Describe(value)} is not valid; {rule ?? "expected " + Expectation}.", value);
        }

        internal static bool IsList(object? value) => value is IEnumerable && value is not string && value is not IDictionary;

        internal static bool TryInteger(object? value, out long result)
        {
            result = 0;
            switch (value)
            {
                case string s:
                    return long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out result);
                case double d when Math.Floor(d) == d && Math.Abs(d) < 9e15:
                    result = (long)d;
                    return true;
                case decimal m when decimal.Truncate(m) == m && Math.Abs(m) < 9e15m:
                    result = (long)m;
                    return true;
                case IConvertible c when c.GetTypeCode() >= TypeCode.SByte && c.GetTypeCode() <= TypeCode.UInt64:
                    result = c.ToInt64(CultureInfo.InvariantCulture);
                    return true;
                default:
                    return false;
            }
        }
    }
}
