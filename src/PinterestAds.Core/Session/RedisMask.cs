using System.Text.RegularExpressions;

namespace PinterestAds.Core.Session
{
    /// <summary>Hides the password of a StackExchange.Redis configuration string for display.</summary>
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
    }
}
