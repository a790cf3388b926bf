namespace PinterestAds.Testing.OAuth
{
    /// <summary>The one Pinterest user every grant belongs to (the authorize page auto-consents as them).</summary>
    internal static class DefaultUser
    {
        public const string Id = "549755813999";
        public const string Username = "pintest_user";
        public const string BusinessName = "PinTest Business";
    }
}
