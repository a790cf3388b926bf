using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace PinterestAds.Core.Session
{
    /// <summary>Finds the password in a StackExchange.Redis configuration string: to hide it for display, and to tell the redactor.</summary>
    internal static class RedisMask
    {
        private static readonly Regex Password = new Regex(@"(?<=(?:^|,)\s*password\s*=)[^,]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        // redis://user:secret@host forms, should a caller use one.
        private static readonly Regex UserInfo = new Regex(@"(?<=://[^/:@,]*:)[^@/,]*(?=@)", RegexOptions.CultureInvariant);

        public static string? Mask(string? configuration)
        {
            if (string.IsNullOrEmpty(configuration))
            {
                return null;
            }

            return UserInfo.Replace(Password.Replace(configuration, "***"), "***");
        }

        /// <summary>The passwords <paramref name="configuration"/> holds, in either form.</summary>
        public static IEnumerable<string> Passwords(string? configuration) =>
            string.IsNullOrEmpty(configuration)
                ? Enumerable.Empty<string>()
                : Password.Matches(configuration).Cast<Match>().Concat(UserInfo.Matches(configuration).Cast<Match>()).Select(m => m.Value.Trim());
    }
}
