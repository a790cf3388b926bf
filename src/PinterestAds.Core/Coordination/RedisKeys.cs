namespace PinterestAds.Core.Coordination
{
    /// <summary>How the module's Redis keys are spelled.</summary>
    internal static class RedisKeys
    {
        /// <summary>
        /// <paramref name="content"/> as a cluster hash tag, <c>{content}</c>, so every key of one
        /// bucket or grant lands in one slot; braces inside become <c>_</c>, which would end the tag early.
        /// </summary>
        public static string HashTag(string content) => "{" + content.Replace('{', '_').Replace('}', '_') + "}";
    }
}
