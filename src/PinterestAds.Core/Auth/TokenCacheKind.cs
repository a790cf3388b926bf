namespace PinterestAds.Core.Auth
{
    /// <summary>Where a context keeps its tokens (shown by <c>Get-PinterestAdsContext</c>).</summary>
    public enum TokenCacheKind
    {
        /// <summary>Only in this process: lost when it ends. Nothing is written to disk.</summary>
        Memory,

        /// <summary>Encrypted by the operating system: DPAPI (Windows), Keychain (macOS), the Secret Service keyring (Linux).</summary>
        Encrypted,

        /// <summary>A plain JSON file readable by its owner only (mode 0600); chosen explicitly where no OS key store exists.</summary>
        PlaintextFile,
    }
}
