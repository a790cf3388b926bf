using System;
using System.Globalization;

namespace PinterestAds.Testing.Contract
{
    /// <summary>RFC 6901 pointers: how a violation names the place in the request (and a <c>$ref</c> the place in the spec).</summary>
    internal static class JsonPointer
    {
        public static string Escape(string token) => token.Replace("~", "~0").Replace("/", "~1");

        public static string Unescape(string token) => token.Replace("~1", "/").Replace("~0", "~");

        public static string Child(string pointer, string name) => pointer + "/" + Escape(name);

        public static string Child(string pointer, int index) => pointer + "/" + index.ToString(CultureInfo.InvariantCulture);

        /// <summary>The unescaped last token: the property name a message talks about.</summary>
        public static string LastToken(string pointer)
        {
            int slash = pointer.LastIndexOf('/');
            return Unescape(slash < 0 ? pointer : pointer.Substring(slash + 1));
        }

        /// <summary>How many tokens deep a pointer goes; the deeper a violation, the further validation got.</summary>
        public static int Depth(string pointer)
        {
            int depth = 0;
            foreach (char c in pointer)
            {
                if (c == '/') depth++;
            }

            return depth;
        }

        /// <summary>
        /// The part of <paramref name="childPointer"/> below <paramref name="pointer"/> followed by ": ", or empty
        /// when both name the same place; prefixes the violations quoted in an alternatives summary.
        /// </summary>
        public static string RelativePrefix(string childPointer, string pointer)
        {
            string rest = childPointer.Length >= pointer.Length && childPointer.StartsWith(pointer, StringComparison.Ordinal) ? childPointer.Substring(pointer.Length) : childPointer;
            return rest.Length == 0 ? string.Empty : rest + ": ";
        }
    }
}
