using System;
using System.Text.RegularExpressions;
using PinterestAds.Core.Errors;

namespace PinterestAds.Core.Validation
{
    /// <summary>
    /// Pinterest ids are digit strings of at most 18 characters (spec pattern <c>^\d+$</c>).
    /// Checking them before a path is built keeps input like <c>../</c> out of every URL.
    /// </summary>
    public static class ResourceIds
    {
        private static readonly Regex Digits = new Regex(@"^\d{1,18}$", RegexOptions.Compiled | RegexOptions.CultureInvariant);

        public static string Require(string parameter, string? value)
        {
            if (value is null || !Digits.IsMatch(value))
            {
                throw PinterestAdsException.InvalidArgument(parameter, $"'{value}' is not a Pinterest id: ids are 1 to 18 digits.", value);
            }

            return value;
        }

        public static string[] RequireAll(string parameter, string[]? values)
        {
            if (values is null)
            {
                return Array.Empty<string>();
            }

            foreach (var value in values)
            {
                Require(parameter, value);
            }

            return values;
        }
    }
}
